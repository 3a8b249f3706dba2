package io.labdeck.preview;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/** A blocking HTTP client for tests that can name any Host (a preview host) while connecting to the test server. */
final class PreviewClient implements AutoCloseable {

    record Answer(int status, MultiMap headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpClient client;
    private final int serverPort;

    PreviewClient(Vertx vertx, int serverPort) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
        this.serverPort = serverPort;
    }

    Answer get(String host, String uri, Map<String, String> headers) throws Exception {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setServer(SocketAddress.inetSocketAddress(serverPort, "127.0.0.1")).setHost(host)
                .setPort(serverPort).setURI(uri).setFollowRedirects(false);
        headers.forEach(options::putHeader);
        return client.request(options).compose(r -> r.send()).compose(r -> r.body()
                .map(b -> new Answer(r.statusCode(), r.headers(), b.toString()))).toCompletionStage()
                .toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    HttpClient raw() {
        return client;
    }

    static String text(Buffer buffer) {
        return buffer.toString();
    }

    @Override
    public void close() {
        client.close();
    }
}
