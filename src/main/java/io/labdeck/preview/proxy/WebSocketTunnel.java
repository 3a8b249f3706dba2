package io.labdeck.preview.proxy;

import java.util.Locale;
import java.util.Map;

import io.labdeck.preview.PreviewConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;

/**
 * A websocket through the preview: the upgrade goes to the app as it came (Labdeck's credentials already out, the
 * path without the prefix); once the app answers 101, both connections become plain byte pipes with back-pressure,
 * so frames, extensions and subprotocols are the browser's and the app's business. Vert.x's HTTP client and server
 * do the HTTP; nothing is parsed here.
 */
final class WebSocketTunnel {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(WebSocketTunnel.class);

    private final HttpClient client;
    private final PreviewConfig config;

    WebSocketTunnel(HttpClient client, PreviewConfig config) {
        this.client = client;
        this.config = config;
    }

    static boolean upgrade(HttpServerRequest request) {
        String upgrade = request.getHeader("Upgrade");
        String connection = request.getHeader("Connection");
        return request.method() == HttpMethod.GET && upgrade != null && "websocket".equalsIgnoreCase(upgrade.strip())
                && connection != null && connection.toLowerCase(Locale.ROOT).contains("upgrade");
    }

    void open(HttpServerRequest request, String address, int port, String uri, String prefix) {
        client.request(new RequestOptions().setHost(address).setPort(port).setMethod(HttpMethod.GET).setURI(uri)
                .setConnectTimeout(config.connectTimeout().toMillis())).onSuccess(upstream -> {
                    for (Map.Entry<String, String> header : request.headers()) {
                        if (!header.getKey().equalsIgnoreCase("Host")) {
                            upstream.headers().add(header.getKey(), header.getValue());
                        }
                    }
                    upstream.headers().set("Connection", "Upgrade");
                    // An app that never answers the upgrade must not hold the browser, nor a pooled connection
                    // (a timer, not an idle timeout, which would also cut a quiet websocket once it is open).
                    request.connection().closeHandler(v -> upstream.reset());
                    Vertx vertx = Vertx.currentContext().owner();
                    long wait = vertx.setTimer(config.connectTimeout().toMillis(), t -> upstream.reset());
                    upstream.connect().onComplete(done -> vertx.cancelTimer(wait))
                            .onSuccess(answer -> answered(request, upstream, answer, prefix))
                            .onFailure(e -> PreviewErrors.send(request, 502, "port-not-answering",
                                    NotAnswering.message(port, e)));
                }).onFailure(e -> PreviewErrors.send(request, 502, "port-not-answering", NotAnswering.message(port,
                        e)));
    }

    private static void answered(HttpServerRequest request, HttpClientRequest upstream, HttpClientResponse answer,
            String prefix) {
        if (answer.statusCode() != 101) {
            answer.netSocket().close();
            request.resume();
            request.response().setStatusCode(answer.statusCode()).putHeader("Content-Type", "text/plain")
                    .end("The app refused the websocket upgrade (" + answer.statusCode() + ").");
            return;
        }
        request.response().setStatusCode(101).headers().addAll(answer.headers());
        PreviewHeaders.cleanCookies(request.response().headers(), prefix);
        // The upgrade request must be read to its end (it has no body) before its connection can become a socket.
        request.resume();
        request.toNetSocket().onSuccess(browser -> splice(browser, answer.netSocket())).onFailure(e -> {
            LOG.debugf("preview: the browser's side of a websocket failed: %s", e);
            answer.netSocket().close();
        });
    }

    private static void splice(NetSocket browser, NetSocket app) {
        browser.pipeTo(app);
        app.pipeTo(browser);
        browser.closeHandler(v -> app.close());
        app.closeHandler(v -> browser.close());
    }
}
