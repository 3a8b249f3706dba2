package io.labdeck.web;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.labdeck.platform.HttpConfig;
import io.labdeck.platform.OriginPolicy;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses state-changing requests (POST, PUT, PATCH, DELETE) that a page of another origin sends, with 403, before
 * any resource sees them: the learner's cookie would go along, and the page could start, end or reset their
 * sessions. Requests without an Origin come from non-browser clients, unless the browser marks them cross-site.
 * The terminal websocket has the same rule at its upgrade.
 */
@ApplicationScoped
public class OriginFilter {

    private static final Set<HttpMethod> CHANGING = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final HttpConfig config;

    public OriginFilter(HttpConfig config) {
        this.config = config;
    }

    void register(@Observes Router router) {
        router.route().order(-100).handler(this::filter);
    }

    private void filter(RoutingContext ctx) {
        var request = ctx.request();
        if (!CHANGING.contains(request.method())) {
            ctx.next();
            return;
        }
        String origin = request.getHeader("Origin");
        String authority = request.authority() == null ? null : request.authority().toString();
        boolean crossSiteWithoutOrigin = origin == null && "cross-site".equals(request.getHeader("Sec-Fetch-Site"));
        if (!crossSiteWithoutOrigin && OriginPolicy.allowed(origin, authority, config.allowedOrigins()
                .orElse(List.of()))) {
            ctx.next();
            return;
        }
        String from = origin == null ? "another site" : "the page at " + origin;
        ctx.response().setStatusCode(403).putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("error", "foreign-origin")
                .put("message", request.method() + " " + request.path() + " was sent by " + from + ", not by this"
                        + " server's pages (" + authority + "). Labdeck refuses it, as it would act with the"
                        + " learner's cookie; an operator can allow an origin with labdeck.http.allowed-origins.")
                .encode());
    }
}
