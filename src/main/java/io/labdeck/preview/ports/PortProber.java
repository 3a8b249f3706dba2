package io.labdeck.preview.ports;

import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Whether a port answers: one {@code GET /} with Vert.x's HTTP client, without keep-alive (no connection is left
 * open to the learner's app), its connect and its wait for an answer each bounded by the probe timeout. The answer's
 * status is all it reads; the body is dropped. Never blocks a thread: the result is a future.
 */
@ApplicationScoped
public class PortProber {

    static final String USER_AGENT = "Labdeck-port-check";

    private final HttpClient http;
    private final long timeoutMillis;

    public PortProber(Vertx vertx, PortsConfig config) {
        this.timeoutMillis = Math.max(1, config.probeTimeout().toMillis());
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setMaxPoolSize(64)
                .setConnectTimeout((int) timeoutMillis));
    }

    /** Probes {@code host:port}; the future always completes, within about twice the probe timeout. */
    public CompletableFuture<Probe> probe(String host, int port) {
        CompletableFuture<Probe> result = new CompletableFuture<>();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port)
                .setURI("/").setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis)
                .putHeader("User-Agent", USER_AGENT);
        http.request(request).compose(r -> {
            // What the failed future says is all that matters: nothing else is logged as unhandled.
            r.connection().exceptionHandler(ignored -> { });
            return r.send().onSuccess(response -> {
                response.exceptionHandler(ignored -> { });
                r.connection().close();
            });
        }).onComplete(done -> {
            if (done.succeeded()) {
                result.complete(status(done.result().statusCode()));
            } else {
                result.complete(failure(done.cause()));
            }
        });
        return result.completeOnTimeout(Probe.fails("timeout", "no answer within " + 2 * timeoutMillis + " ms"),
                2 * timeoutMillis, TimeUnit.MILLISECONDS);
    }

    static Probe status(int status) {
        if (status >= 500) {
            return Probe.fails("http-error", "the app answers with an error: HTTP " + status);
        }
        return Probe.answers("http", "HTTP " + status);
    }

    /** Why the probe failed, in words: what the learner can do about it differs. */
    Probe failure(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return Probe.fails("timeout", "no connection within " + timeoutMillis + " ms: it does not answer");
        }
        if (cause instanceof ConnectException) {
            return Probe.fails("refused", "connection refused: the app is not accepting connections (it stopped,"
                    + " crashed, or is still starting)");
        }
        if (cause instanceof TimeoutException) {
            return Probe.fails("silent", "it accepts connections but sent no answer within " + timeoutMillis
                    + " ms: it does not answer");
        }
        if (cause instanceof HttpClosedException) {
            return Probe.fails("closed", "it accepts connections but closes them without an answer");
        }
        // Anything else came back, but was not HTTP (a database, an SSH server, TLS): the port answers.
        return Probe.answers("not-http", "it answers, but not with HTTP");
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
