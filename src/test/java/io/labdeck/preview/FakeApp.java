package io.labdeck.preview;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * What a learner's app in a sandbox stands in for, on 127.0.0.1: pages with absolute links, redirects, cookies, a
 * streaming echo and a websocket echo; every answer says which path, cookies and credentials it was sent.
 */
public final class FakeApp implements AutoCloseable {

    private final HttpServer server;

    public FakeApp(Vertx vertx) throws Exception {
        server = vertx.createHttpServer().webSocketHandler(ws -> ws.textMessageHandler(ws::writeTextMessage))
                .requestHandler(this::handle);
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public int port() {
        return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
        var response = request.response();
        response.putHeader("X-Seen-Path", request.uri())
                .putHeader("X-Seen-Cookie", String.valueOf(request.getHeader("Cookie")))
                .putHeader("X-Seen-Authorization", String.valueOf(request.getHeader("Authorization")))
                .putHeader("X-Seen-Host", String.valueOf(request.getHeader("Host")))
                .putHeader("X-Seen-Prefix", String.valueOf(request.getHeader("X-Forwarded-Prefix")));
        switch (request.path()) {
            case "/" -> response.putHeader("Content-Type", "text/html")
                    .end("<html><body><a href=\"/static/app.css\">absolute</a></body></html>");
            case "/static/app.css" -> response.putHeader("Content-Type", "text/css").end("body{color:teal}");
            case "/hello" -> response.end("hello from the app");
            case "/echo" -> {
                response.setChunked(true);
                request.pipeTo(response);
            }
            case "/redirect" -> response.setStatusCode(302).putHeader("Location", "/target").end();
            case "/redirect-absolute" -> response.setStatusCode(302)
                    .putHeader("Location", "http://127.0.0.1:" + port() + "/target?x=1").end();
            case "/redirect-away" -> response.setStatusCode(302).putHeader("Location", "https://example.org/x").end();
            case "/cookies" -> {
                response.headers().add("Set-Cookie", "labdeck_owner=planted; Path=/")
                        .add("Set-Cookie", "app_session=1; Path=/")
                        .add("Set-Cookie", "wide=1; Domain=localhost; Path=/admin; HttpOnly")
                        .add("Service-Worker-Allowed", "/");
                response.end("cookies");
            }
            default -> response.setStatusCode(404).end("no such page in the app");
        }
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
