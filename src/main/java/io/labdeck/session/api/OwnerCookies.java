package io.labdeck.session.api;

import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionConfig;
import java.time.Duration;

import jakarta.ws.rs.core.NewCookie;

import io.vertx.core.http.HttpServerRequest;

/** The owner cookie that a start (or a class join) sets: httpOnly, SameSite=Lax, 30 days, Secure where it can be. */
public final class OwnerCookies {

    private static final Duration COOKIE_AGE = Duration.ofDays(30);

    private OwnerCookies() {
    }

    public static NewCookie of(OwnerToken owner, HttpServerRequest request, SessionConfig config) {
        return new NewCookie.Builder(OwnerToken.COOKIE).value(owner.value()).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).secure(secure(request, config))
                .maxAge((int) COOKIE_AGE.toSeconds()).build();
    }

    /** Secure when configured, when the request came over HTTPS, or when the proxy in front says it did. */
    private static boolean secure(HttpServerRequest request, SessionConfig config) {
        return config.secureCookie() || "https".equalsIgnoreCase(request.scheme())
                || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
