package io.labdeck.registry;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labdeck.lab.RegistryConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * The registry as sandboxes see it: an HTTP proxy on the registry's address that streams requests to the real
 * registry on loopback, after {@link RegistryPolicy} has decided, for the session whose sandbox sent them, whether
 * they may pass. Bodies (image layers) are piped with back-pressure, never held in memory.
 */
@ApplicationScoped
public class RegistryProxy {

    private static final Logger LOG = Logger.getLogger(RegistryProxy.class);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade",
            "proxy-connection", "proxy-authorization", "te", "trailer");

    private final Vertx vertx;
    private final RegistryProxyConfig config;
    private final RegistryConfig registry;
    private final SessionAddresses addresses;
    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;
    private HttpClient client;

    public RegistryProxy(Vertx vertx, RegistryProxyConfig config, RegistryConfig registry,
            SessionAddresses addresses) {
        this.vertx = vertx;
        this.config = config;
        this.registry = registry;
        this.addresses = addresses;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        int port = config.port().orElse(registry.port());
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(config.upstream().getHost())
                .setDefaultPort(config.upstream().getPort()).setMaxPoolSize(32).setKeepAlive(true));
        server = vertx.createHttpServer(new HttpServerOptions().setHost(config.listen()).setPort(port)
                .setMaxInitialLineLength(16384));
        server.requestHandler(this::handle);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The registry proxy cannot listen on " + config.listen() + ":" + port
                    + " (labdeck.registry.address / labdeck.registry-proxy.port): " + e.getMessage(), e);
        }
        LOG.infof("Registry for sandboxes at %s (listening on %s:%d, registry %s)", registry.address(),
                config.listen(), port, config.upstream());
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.close();
            client.close();
        }
    }

    private void handle(HttpServerRequest request) {
        request.pause();
        String address = request.remoteAddress().hostAddress();
        addresses.sessionAt(address).onComplete(found -> {
            Optional<String> namespace = found.succeeded() ? found.result() : Optional.empty();
            RegistryPolicy.Decision decision = RegistryPolicy.decide(request.method().name(), request.uri(),
                    namespace);
            switch (decision.action()) {
                case DENY -> {
                    LOG.debugf("registry: denied %s %s from %s: %s", request.method(), request.uri(), address,
                            decision.reason());
                    error(request, 403, "DENIED", decision.reason());
                }
                case CATALOG -> catalog(request, namespace);
                case FORWARD -> forward(request);
            }
        });
    }

    private Future<HttpClientResponse> send(HttpServerRequest request, HttpMethod method, String uri) {
        RequestOptions options = new RequestOptions().setMethod(method).setURI(uri).setHeaders(copy(request.headers()));
        return client.request(options).compose(upstream -> {
            if (request.headers().contains("transfer-encoding")) {
                upstream.setChunked(true);
            }
            return upstream.send(request);
        });
    }

    private void forward(HttpServerRequest request) {
        send(request, request.method(), request.uri()).onSuccess(answer -> {
            var response = request.response().setStatusCode(answer.statusCode());
            response.headers().addAll(copy(answer.headers()));
            if (!answer.headers().contains("content-length") && request.method() != HttpMethod.HEAD) {
                response.setChunked(true);
            }
            answer.pipeTo(response);
        }).onFailure(e -> unavailable(request, e));
    }

    /** The catalog, with other sessions' repositories left out. */
    private void catalog(HttpServerRequest request, Optional<String> namespace) {
        send(request, HttpMethod.GET, request.uri()).compose(answer -> answer.body().map(body -> {
            if (answer.statusCode() != 200) {
                return body;
            }
            try {
                ObjectNode tree = (ObjectNode) json.readTree(body.getBytes());
                ArrayNode kept = json.createArrayNode();
                tree.withArray("repositories").forEach(r -> {
                    if (RegistryPolicy.visible(r.asText(), namespace)) {
                        kept.add(r);
                    }
                });
                tree.set("repositories", kept);
                return Buffer.buffer(json.writeValueAsBytes(tree));
            } catch (java.io.IOException | ClassCastException e) {
                throw new IllegalStateException("the registry's catalog is not JSON: " + e.getMessage(), e);
            }
        })).onSuccess(body -> request.response().putHeader("Content-Type", "application/json").end(body))
                .onFailure(e -> unavailable(request, e));
    }

    private void unavailable(HttpServerRequest request, Throwable e) {
        LOG.warnf("registry: %s %s failed: %s", request.method(), request.uri(), e.toString());
        error(request, 502, "UNAVAILABLE", "Labdeck's registry at " + config.upstream()
                + " does not answer (deploy/registry/ensure-registry.sh starts it): " + e.getMessage());
    }

    private void error(HttpServerRequest request, int status, String code, String message) {
        ObjectNode error = json.createObjectNode();
        error.putArray("errors").addObject().put("code", code).put("message", message);
        request.resume();
        if (!request.response().ended()) {
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(error.toString());
        }
    }

    private static MultiMap copy(MultiMap headers) {
        MultiMap copy = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                copy.add(h.getKey(), h.getValue());
            }
        });
        return copy;
    }
}
