package io.labdeck.preview.proxy;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.labdeck.preview.PreviewConfig;
import io.labdeck.preview.PreviewDenied;
import io.labdeck.preview.PreviewLinks;
import io.labdeck.preview.PreviewTarget;
import io.labdeck.preview.access.Caller;
import io.labdeck.preview.access.PreviewAccess;
import io.labdeck.session.OwnerToken;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The preview's routes on Quarkus's router. Path mode on the main host: {@code /sessions/{id}/ports/{port}/**}
 * (without the final slash: a redirect to it, so the app's relative links resolve under the prefix). The subdomain
 * hand-off {@code /sessions/{id}/subdomain/{port}}, and every request whose Host is a preview host, are
 * {@link SubdomainRoutes}'. Access is decided off the event loop and kept a few seconds ({@link PreviewAccess}); the
 * forwarding itself stays on the event loop.
 */
@ApplicationScoped
public class PreviewRoutes {

    private final PreviewAccess access;
    private final PreviewProxy proxy;
    private final PreviewConfig config;

    public PreviewRoutes(PreviewAccess access, PreviewProxy proxy, PreviewConfig config) {
        this.access = access;
        this.proxy = proxy;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.route("/sessions/:id/ports/:port").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(this::pathMode);
        router.route("/sessions/:id/ports/:port/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(this::pathMode);
    }

    private void pathMode(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Optional<Integer> port = port(rc.pathParam("port"));
        String id = rc.pathParam("id");
        if (port.isEmpty() || !id.matches("[a-z0-9]{1,64}")) {
            rc.next();
            return;
        }
        String prefix = PreviewLinks.prefix(id, port.get());
        String uri = request.uri();
        if (uri.equals(prefix) || uri.startsWith(prefix + "?")) {
            request.response().setStatusCode(302).putHeader("Location", prefix + "/" + uri.substring(prefix.length()))
                    .end();
            return;
        }
        if (!uri.startsWith(prefix + "/")) {
            PreviewErrors.send(request, 400, "invalid-path", "The path " + request.path() + " is not a port"
                    + " preview's canonical path (" + prefix + "/...).");
            return;
        }
        if ("script".equalsIgnoreCase(request.getHeader("Service-Worker"))) {
            // On Labdeck's own origin a learner's service worker would outlive the session and see Labdeck's pages.
            PreviewErrors.send(request, 403, "service-worker-refused", "An app previewed under " + prefix + "/"
                    + " shares Labdeck's origin, so it may not register a service worker; use the subdomain mode.");
            return;
        }
        request.pause();
        String credentials = credentials(request);
        authorize(rc, id, port.get(), mainHostCaller(rc)).onSuccess(target -> {
            boolean sandboxed = config.sandboxedViewers() == PreviewConfig.SandboxedViewers.EVERYONE
                    || target.instructor().isPresent() || credentials != null;
            proxy.forward(request, target, port.get(), new ProxyMode(prefix, sandboxed));
        }).onFailure(e -> fail(request, e));
    }

    /** The caller on the main host: owner cookie, and instructor credentials (basic or OIDC) resolved on demand. */
    static Caller mainHostCaller(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        var owner = request.getCookie(OwnerToken.COOKIE);
        return Caller.of(owner == null ? null : owner.getValue(), credentials(request), () -> instructor(rc));
    }

    /** The target if the caller may open this port: kept decisions at once, new ones on a worker thread. */
    Future<PreviewTarget> authorize(RoutingContext rc, String sessionId, int port, Caller caller) {
        Function<PreviewTarget, PreviewTarget> portCheck = target -> {
            if (!target.ports().allows(port)) {
                throw new PreviewDenied(403, "port-refused", "Port " + port + " cannot be previewed: "
                        + target.ports().refusal(port) + ".");
            }
            return target;
        };
        try {
            Optional<PreviewTarget> kept = access.cached(sessionId, caller);
            if (kept.isPresent()) {
                return Future.succeededFuture(portCheck.apply(kept.get()));
            }
        } catch (PreviewDenied denied) {
            return Future.failedFuture(denied);
        }
        return rc.vertx().executeBlocking(() -> portCheck.apply(access.decide(sessionId, caller)), false);
    }

    static void fail(HttpServerRequest request, Throwable e) {
        if (e instanceof PreviewDenied denied) {
            PreviewErrors.send(request, denied);
        } else {
            PreviewErrors.send(request, 500, "preview-failed", "The preview failed: " + e);
        }
    }

    /** The instructor credentials a request carries (basic auth, or OIDC's session cookie), or null. */
    static String credentials(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return authorization;
        }
        var oidc = request.getCookie("q_session");
        return oidc == null ? null : oidc.getValue();
    }

    /** The signed-in caller's name; wrong credentials count as none. Blocking (a bcrypt check), on a worker. */
    private static Optional<String> instructor(RoutingContext rc) {
        try {
            SecurityIdentity identity = QuarkusHttpUser.getSecurityIdentityBlocking(rc, null);
            return identity == null || identity.isAnonymous() ? Optional.empty()
                    : Optional.of(identity.getPrincipal().getName());
        } catch (RuntimeException failed) {
            return Optional.empty();
        }
    }

    static Optional<Integer> port(String text) {
        if (text == null || !text.matches("[0-9]{1,5}")) {
            return Optional.empty();
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
    }
}
