package io.labdeck.preview.proxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.preview.PreviewConfig;
import io.labdeck.preview.PreviewTarget;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyOptions;

/**
 * Forwards an authorised request to a port of a sandbox with Vert.x's reverse proxy ({@code vertx-http-proxy}):
 * bodies stream both ways with back-pressure, on the event loop, over kept-alive connections to the port. Websocket
 * upgrades go through {@link WebSocketTunnel}, which asks the app for the path without the prefix (the library's
 * own tunnel always forwards the incoming URI).
 */
@ApplicationScoped
public class PreviewProxy {

    private final Vertx vertx;
    private final PreviewConfig config;
    private final HttpClientOptions clientOptions;
    private final ProxyOptions options = new ProxyOptions().setSupportWebSocket(false);
    /** One client per event loop: a request and its connection to the app then share a thread, never hopping. */
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();

    public PreviewProxy(Vertx vertx, PreviewConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.clientOptions = new HttpClientOptions().setKeepAlive(true).setPipelining(false)
                .setMaxPoolSize(config.maxConnections()).setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxInitialLineLength(16384).setMaxHeaderSize(65536).setDecompressionSupported(false);
    }

    private HttpClient client() {
        return clients.computeIfAbsent(Thread.currentThread(), t -> vertx.createHttpClient(clientOptions));
    }

    /** Proxies the (paused) request to the target's port, after taking Labdeck's credentials out of it. */
    public void forward(HttpServerRequest request, PreviewTarget target, int port, ProxyMode mode) {
        PreviewHeaders.stripCredentials(request.headers());
        HttpClient client = client();
        if (WebSocketTunnel.upgrade(request)) {
            new WebSocketTunnel(client, config).open(request, target.address(), port, mode.targetUri(request.uri()),
                    mode.prefix());
            return;
        }
        HttpProxy.reverseProxy(options, client).origin(context -> origin(client, context, target.address(), port))
                .addInterceptor(new PreviewInterceptor(mode, target.address(), port)).handle(request);
    }

    private Future<HttpClientRequest> origin(HttpClient client, ProxyContext context, String address, int port) {
        return client.request(new RequestOptions().setHost(address).setPort(port)
                .setConnectTimeout(config.connectTimeout().toMillis()).setIdleTimeout(config.idleTimeout().toMillis()))
                .onFailure(e -> context.set(PreviewInterceptor.FAILURE, e));
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
    }
}
