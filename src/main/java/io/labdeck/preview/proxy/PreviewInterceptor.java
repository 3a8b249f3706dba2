package io.labdeck.preview.proxy;

import java.util.Locale;
import java.util.Set;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * One request's changes on its way through the proxy: the app is asked for its own path (the prefix cut off) with
 * {@code X-Forwarded-*} saying where the browser was; the answer's redirects are put back under the prefix, Labdeck's
 * cookies and hop-by-hop headers are dropped, and sandboxed viewers get the CSP sandbox. When the port did not take
 * the connection, the answer says so in words instead of an empty 502.
 */
final class PreviewInterceptor implements ProxyInterceptor {

    /** Where the origin request provider leaves why it could not connect. */
    static final String FAILURE = "labdeck.preview.failure";

    private final ProxyMode mode;
    private final String address;
    private final int port;

    PreviewInterceptor(ProxyMode mode, String address, int port) {
        this.mode = mode;
        this.address = address;
        this.port = port;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        request.setURI(mode.targetUri(request.getURI()));
        MultiMap headers = request.headers();
        if (incoming.authority() != null) {
            headers.set("X-Forwarded-Host", incoming.authority().toString());
        }
        headers.set("X-Forwarded-Proto", forwardedProto(incoming));
        if (mode.pathMode()) {
            headers.set("X-Forwarded-Prefix", mode.prefix());
        }
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        Throwable failure = context.get(FAILURE, Throwable.class);
        if (failure != null) {
            return notAnswering(context, response, failure);
        }
        MultiMap headers = response.headers();
        PreviewHeaders.cleanAnswer(headers, mode.prefix());
        String location = headers.get("Location");
        if (location != null && mode.pathMode()) {
            headers.set("Location", PreviewHeaders.rewriteLocation(location, mode.prefix(), own(context)));
        }
        if (mode.sandboxed()) {
            headers.add("Content-Security-Policy", PreviewHeaders.SANDBOX_POLICY);
        }
        return context.sendResponse();
    }

    private Future<Void> notAnswering(ProxyContext context, ProxyResponse response, Throwable failure) {
        String message = NotAnswering.message(port, failure);
        boolean page = PreviewErrors.wantsPage(context.request().proxiedRequest().getHeader("Accept"));
        String body = page ? PreviewErrors.page(502, message) : new io.vertx.core.json.JsonObject()
                .put("error", "port-not-answering").put("message", message).encode();
        response.setStatusCode(502).headers().clear();
        response.putHeader("Content-Type", page ? "text/html; charset=utf-8" : "application/json")
                .putHeader("Cache-Control", "no-store").setBody(Body.body(Buffer.buffer(body)));
        return context.sendResponse();
    }

    private Set<String> own(ProxyContext context) {
        var authority = context.request().proxiedRequest().authority();
        String browser = authority == null ? "" : authority.toString().toLowerCase(Locale.ROOT);
        Set<String> own = new java.util.HashSet<>(java.util.List.of(address + ":" + port, "localhost:" + port,
                "127.0.0.1:" + port, browser));
        if (port == 80) {
            own.addAll(java.util.List.of(address, "localhost", "127.0.0.1"));
        }
        return own;
    }

    private static String forwardedProto(HttpServerRequest request) {
        String proto = request.getHeader("X-Forwarded-Proto");
        return proto != null ? proto : request.scheme() == null ? "http" : request.scheme();
    }
}
