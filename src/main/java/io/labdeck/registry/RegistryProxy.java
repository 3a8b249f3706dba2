package io.labdeck.registry;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labdeck.platform.Cidr;
import io.labdeck.platform.RegistryConfig;
import io.labdeck.platform.RegistryCredentials;
import io.labdeck.sandbox.SandboxConfig;
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
 * The registry as sandboxes see it: an HTTP proxy that streams requests to the real registry on loopback, after
 * {@link RegistryPolicy} has decided whether they may pass. It listens twice:
 * <ul>
 * <li>the door ({@code {{registry}}}): callers are known by their session's credentials (HTTP Basic, never by
 * address); its ping answers 401 with a Basic challenge, which is what makes {@code docker push} send them;</li>
 * <li>the mirror (inner engines' {@code --registry-mirror}): reads only, no credentials, so {@code docker pull}
 * needs no login.</li>
 * </ul>
 * Bodies (image layers) are piped with back-pressure, never held in memory.
 */
@ApplicationScoped
public class RegistryProxy {

    private static final Logger LOG = Logger.getLogger(RegistryProxy.class);
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade",
            "proxy-connection", "proxy-authorization", "te", "trailer");

    private final Vertx vertx;
    private final RegistryProxyConfig config;
    private final RegistryConfig registry;
    private final RegistryCredentials credentials;
    private final java.util.List<Cidr> sources;
    private final ObjectMapper json = new ObjectMapper();
    private final java.util.List<HttpServer> servers = new java.util.ArrayList<>();
    private HttpClient client;

    public RegistryProxy(Vertx vertx, RegistryProxyConfig config, RegistryConfig registry,
            RegistryCredentials credentials, SandboxConfig sandboxes) {
        this.vertx = vertx;
        this.config = config;
        this.registry = registry;
        this.credentials = credentials;
        this.sources = config.allowedSources().orElse(java.util.List.of(sandboxes.networkPool(), "127.0.0.0/8"))
                .stream().map(Cidr::parse).toList();
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(config.upstream().getHost())
                .setDefaultPort(config.upstream().getPort()).setMaxPoolSize(32).setKeepAlive(true)
                .setConnectTimeout((int) config.upstreamTimeout().toMillis()));
        listen(config.port().orElse(registry.port()), this::door, "labdeck.registry.address");
        listen(registry.mirrorPort(), this::mirror, "labdeck.registry.mirror-port");
        LOG.infof("Registry for sandboxes at %s, mirror at %s (listening on %s, registry %s)", registry.address(),
                registry.mirrorAddress(), config.listen(), config.upstream());
    }

    private void listen(int port, io.vertx.core.Handler<HttpServerRequest> handler, String setting) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(config.listen()).setPort(port)
                .setMaxInitialLineLength(16384));
        server.requestHandler(handler);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The registry proxy cannot listen on " + config.listen() + ":" + port
                    + " (" + setting + "): " + e.getMessage(), e);
        }
        servers.add(server);
    }

    void stop(@Observes ShutdownEvent event) {
        servers.forEach(HttpServer::close);
        if (client != null) {
            client.close();
        }
    }

    /** The door: the caller is the session its credentials prove, or anonymous. */
    private void door(HttpServerRequest request) {
        request.pause();
        if (!fromSandbox(request)) {
            return;
        }
        String authorization = request.getHeader("Authorization");
        Optional<String> session = credentials.session(authorization);
        if (session.isEmpty() && (RegistryCredentials.presented(authorization) || isPing(request))) {
            unauthorized(request, RegistryCredentials.presented(authorization)
                    ? "these credentials are not a session's of this Labdeck" : "authentication required");
            return;
        }
        decide(request, session);
    }

    /** The mirror: reads for every sandbox, writes for nobody. */
    private void mirror(HttpServerRequest request) {
        request.pause();
        if (!fromSandbox(request)) {
            return;
        }
        decide(request, Optional.empty());
    }

    private void decide(HttpServerRequest request, Optional<String> namespace) {
        RegistryPolicy.Decision decision = RegistryPolicy.decide(request.method().name(), request.uri(), namespace);
        switch (decision.action()) {
            case DENY -> {
                LOG.debugf("registry: denied %s %s for %s: %s", request.method(), request.uri(),
                        namespace.orElse("an anonymous caller"), decision.reason());
                error(request, 403, "DENIED", decision.reason());
            }
            case CATALOG -> catalog(request, namespace);
            case FORWARD -> forward(request);
        }
    }

    /** Refuses (and answers) a request from outside the sandboxes' networks; true when it may go on. */
    private boolean fromSandbox(HttpServerRequest request) {
        String address = request.remoteAddress().hostAddress();
        if (sources.stream().anyMatch(c -> c.contains(address))) {
            return true;
        }
        error(request, 403, "DENIED", "this registry serves Labdeck's sandboxes only; " + address + " is none");
        return false;
    }

    private static boolean isPing(HttpServerRequest request) {
        String path = request.path();
        return path.equals("/v2/") || path.equals("/v2");
    }

    /** 401 with the Basic challenge that makes Docker send the credentials from its config. */
    private void unauthorized(HttpServerRequest request, String message) {
        request.response().putHeader("WWW-Authenticate", "Basic realm=\"Labdeck registry\"")
                .putHeader("Docker-Distribution-API-Version", "registry/2.0");
        error(request, 401, "UNAUTHORIZED", message);
    }

    private Future<HttpClientResponse> send(HttpServerRequest request, HttpMethod method, String uri) {
        RequestOptions options = new RequestOptions().setMethod(method).setURI(uri).setHeaders(copy(request.headers()))
                .setIdleTimeout(config.upstreamTimeout().toMillis());
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
            if (answer.headers().contains("Link")) {
                request.response().putHeader("Link", answer.headers().get("Link")); // the next page, when paged
            }
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
