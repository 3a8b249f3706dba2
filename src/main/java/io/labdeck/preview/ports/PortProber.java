package io.labdeck.preview.ports;

import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;

/**
 * Whether a port answers, without ever sending the learner's app a request: a request would show in its log, and a
 * check such as "docker logs shows a GET /" would pass without the learner doing anything. The probe connects, then
 * holds the connection briefly: a port published by an engine ({@code docker run -p}, rootlesskit, docker-proxy)
 * accepts even when nothing runs behind it, and then hangs up at once; an app waits for the request (or greets
 * first). An HTTP server logs nothing for a connection that sends nothing. Never blocks a thread: the result is a
 * future.
 */
@ApplicationScoped
public class PortProber {

    /** How long a connection is held to see whether the far end hangs up: the engine's does in a few ms. */
    static final long HOLD_MILLIS = 250;

    private final Vertx vertx;
    private final NetClient net;
    private final long timeoutMillis;

    public PortProber(Vertx vertx, PortsConfig config) {
        this.vertx = vertx;
        this.timeoutMillis = Math.max(1, config.probeTimeout().toMillis());
        this.net = vertx.createNetClient(new NetClientOptions().setConnectTimeout((int) timeoutMillis));
    }

    /** Probes {@code host:port}; the future always completes, within the probe timeout plus the hold. */
    public CompletableFuture<Probe> probe(String host, int port) {
        CompletableFuture<Probe> result = new CompletableFuture<>();
        net.connect(port, host).onComplete(connected -> {
            if (connected.succeeded()) {
                hold(connected.result(), result);
            } else {
                result.complete(failure(connected.cause()));
            }
        });
        return result.completeOnTimeout(Probe.fails("timeout", "no connection within " + timeoutMillis
                + " ms: it does not answer"), timeoutMillis + HOLD_MILLIS + 500, TimeUnit.MILLISECONDS);
    }

    /** Settles on the first of: the far end speaks, hangs up, or stays quietly connected for the hold. */
    private void hold(NetSocket socket, CompletableFuture<Probe> result) {
        AtomicBoolean settled = new AtomicBoolean();
        long timer = vertx.setTimer(HOLD_MILLIS, t -> {
            if (settled.compareAndSet(false, true)) {
                result.complete(Probe.answers("open", "it accepts connections"));
                socket.close();
            }
        });
        socket.exceptionHandler(ignored -> { });
        socket.handler(greeting -> {
            if (settled.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                result.complete(Probe.answers("greets", "it answers"));
                socket.close();
            }
        });
        socket.closeHandler(closed -> {
            if (settled.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                result.complete(Probe.fails("closed", "it accepts connections but hangs up at once: nothing"
                        + " behind the published port answers (the app stopped, crashed, or is still starting)"));
            }
        });
    }

    /** Why the connection failed, in words: what the learner can do about it differs. */
    Probe failure(Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return Probe.fails("timeout", "no connection within " + timeoutMillis + " ms: it does not answer");
        }
        if (cause instanceof ConnectException) {
            return Probe.fails("refused", "connection refused: the app is not accepting connections (it stopped,"
                    + " crashed, or is still starting)");
        }
        return Probe.fails("refused", "no connection: " + cause.getMessage());
    }

    @PreDestroy
    void close() {
        net.close();
    }
}
