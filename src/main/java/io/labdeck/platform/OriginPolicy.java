package io.labdeck.platform;

import java.net.URI;
import java.util.Collection;

/**
 * Whether a browser request may act with the learner's cookie, judged by its {@code Origin} header: a page of
 * another site would otherwise start, end or type into a learner's sessions (the cookie goes along). SameSite=Lax
 * stops cross-site POSTs in most browsers, not all, and never between sites on one registrable domain.
 */
public final class OriginPolicy {

    private OriginPolicy() {
    }

    /**
     * Allowed: no Origin (a non-browser client, which sends no cookie by accident), the server's own origin (the
     * host and port of the request's {@code authority}; the scheme is not compared, as a TLS-terminating proxy makes
     * it differ), or one of {@code allowed}. {@code "null"} (a sandboxed frame, a file) and anything unparsable are
     * refused.
     */
    public static boolean allowed(String origin, String authority, Collection<String> allowed) {
        if (origin == null) {
            return true;
        }
        if (allowed.contains(origin)) {
            return true;
        }
        if (authority == null || origin.equals("null")) {
            return false;
        }
        try {
            return authority.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
