package io.labdeck.preview.proxy;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.labdeck.preview.PreviewConfig;
import io.labdeck.preview.PreviewHost;
import io.labdeck.preview.PreviewLinks;
import io.labdeck.preview.access.Caller;
import io.labdeck.preview.access.Handoffs;
import io.labdeck.preview.access.PreviewGrant;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The subdomain mode, {@code <port>-<session>.<domain>}: the app at the root of a host of its own, so absolute paths
 * work and its pages cannot script Labdeck's origin.
 * <ol>
 * <li>{@code GET /sessions/{id}/subdomain/{port}[?path=/x]} on the main host checks the viewer as path mode does
 * and redirects to the preview host with a one-time hand-off token ({@link Handoffs});</li>
 * <li>the preview host trades the token for its own host-only cookie and redirects to the clean URL;</li>
 * <li>requests to the preview host with that cookie are proxied as they are, at the root.</li>
 * </ol>
 * Preview hosts are routed before anything else of Labdeck's, so no Labdeck page, API or auth rule ever answers
 * on them.
 */
@ApplicationScoped
public class SubdomainRoutes {

    static final String HANDOFF = "labdeck_handoff";
    static final String GRANT_COOKIE = "labdeck_preview";

    private final PreviewLinks links;
    private final Handoffs handoffs;
    private final PreviewRoutes routes;
    private final PreviewProxy proxy;
    private final PreviewConfig config;

    public SubdomainRoutes(PreviewLinks links, Handoffs handoffs, PreviewRoutes routes, PreviewProxy proxy,
            PreviewConfig config) {
        this.links = links;
        this.handoffs = handoffs;
        this.routes = routes;
        this.proxy = proxy;
        this.config = config;
    }

    void register(@Observes Router router) {
        if (config.domain().isEmpty()) {
            router.get("/sessions/:id/subdomain/:port").handler(rc -> PreviewErrors.send(rc.request(), 404,
                    "subdomains-off", "This server previews ports in path mode only (labdeck.preview.domain is not"
                            + " set): open /sessions/" + rc.pathParam("id") + "/ports/" + rc.pathParam("port") + "/"));
            return;
        }
        router.route().order(Integer.MIN_VALUE + 10).handler(this::previewHost);
        router.get("/sessions/:id/subdomain/:port").handler(this::handOff);
    }

    private void handOff(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        Optional<Integer> port = PreviewRoutes.port(rc.pathParam("port"));
        String id = rc.pathParam("id");
        String path = Optional.ofNullable(request.getParam("path")).orElse("/");
        if (port.isEmpty() || !id.matches("[a-z0-9]{1,64}") || !path.startsWith("/") || path.startsWith("//")) {
            PreviewErrors.send(request, 400, "invalid-path", "A hand-off needs a session, a port and a path that"
                    + " starts with one slash.");
            return;
        }
        routes.authorize(rc, id, port.get(), PreviewRoutes.mainHostCaller(rc)).onSuccess(target -> {
            String token = handoffs.issue(id, port.get(), target.instructor());
            String base = links.subdomainUrl(id, port.get()).orElseThrow();
            String to = base.substring(0, base.length() - 1) + path + (path.contains("?") ? "&" : "?") + HANDOFF
                    + "=" + token;
            request.response().setStatusCode(302).putHeader("Location", to).putHeader("Cache-Control", "no-store")
                    .putHeader("Referrer-Policy", "no-referrer").end();
        }).onFailure(e -> PreviewRoutes.fail(request, e));
    }

    private void previewHost(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String hostHeader = request.authority() == null ? request.getHeader("Host") : request.authority().toString();
        Optional<PreviewHost> found = links.parseHost(hostHeader);
        if (found.isEmpty()) {
            rc.next();
            return;
        }
        PreviewHost host = found.get();
        // Metrics name a preview host's requests by one template, not by the app's own paths (unbounded tags).
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        if (context != null) {
            context.putLocal("UrlPathTemplate", "/preview-host");
        }
        if (!host.valid()) {
            PreviewErrors.send(request, 404, "not-a-preview-host", hostHeader + " names no port of a session"
                    + " (preview hosts are <port>-<session>." + config.domain().orElseThrow() + ").");
            return;
        }
        request.pause();
        String token = request.getParam(HANDOFF);
        if (token != null) {
            redeem(request, host, token);
            return;
        }
        var cookie = request.getCookie(GRANT_COOKIE);
        Optional<PreviewGrant> grant = handoffs.grant(cookie == null ? null : cookie.getValue(), host);
        if (grant.isEmpty()) {
            PreviewErrors.send(request, 403, "forbidden", "This preview host does not know this browser yet (or its"
                    + " pass has lapsed): open port " + host.port() + " from the session's lab page.");
            return;
        }
        routes.authorize(rc, host.sessionId(), host.port(), Caller.granted(grant.get()))
                .onSuccess(target -> proxy.forward(request, target, host.port(), ProxyMode.subdomain()))
                .onFailure(e -> PreviewRoutes.fail(request, e));
    }

    private void redeem(HttpServerRequest request, PreviewHost host, String token) {
        Optional<PreviewGrant> grant = handoffs.redeem(token, host);
        if (grant.isEmpty()) {
            PreviewErrors.send(request, 403, "handoff-invalid", "This preview link was used already or has lapsed:"
                    + " open port " + host.port() + " again from the session's lab page.");
            return;
        }
        request.resume();
        request.response().setStatusCode(302).putHeader("Location", withoutHandoff(request.uri()))
                .putHeader("Set-Cookie", cookie(grant.get())).putHeader("Cache-Control", "no-store")
                .putHeader("Referrer-Policy", "no-referrer").end();
    }

    /** Host-only (no Domain): no other preview host, nor the main host, ever receives it. */
    private String cookie(PreviewGrant grant) {
        String common = GRANT_COOKIE + "=" + grant.value() + "; Path=/; HttpOnly; Max-Age="
                + config.grantLifetime().toSeconds();
        // Over HTTPS the preview may sit in the lab page's frame on another site: a partitioned third-party cookie.
        return "https".equalsIgnoreCase(config.scheme()) ? common + "; Secure; SameSite=None; Partitioned"
                : common + "; SameSite=Lax";
    }

    static String withoutHandoff(String uri) {
        int q = uri.indexOf('?');
        if (q < 0) {
            return uri;
        }
        String query = Arrays.stream(uri.substring(q + 1).split("&")).filter(p -> !p.startsWith(HANDOFF + "="))
                .collect(Collectors.joining("&"));
        return uri.substring(0, q) + (query.isEmpty() ? "" : "?" + query);
    }
}
