package io.labdeck.preview.proxy;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.vertx.core.MultiMap;

/**
 * What the proxy changes in headers. Towards the app: Labdeck's own credentials go (the owner cookie, a preview
 * grant, OIDC's session cookies, basic credentials), the app's cookies stay. Back from the app: cookies that would
 * overwrite Labdeck's own are dropped (in path mode the app shares Labdeck's origin), hop-by-hop headers go, and in
 * path mode redirects into the app are put under its prefix.
 */
final class PreviewHeaders {

    /** The sandbox policy of path-mode pages for viewers who must not be scripted: an opaque origin. */
    static final String SANDBOX_POLICY = "sandbox allow-scripts allow-forms allow-popups allow-modals"
            + " allow-downloads";

    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "te", "trailer", "upgrade");

    private PreviewHeaders() {
    }

    /** Whether a cookie name is one of Labdeck's (its own, or Quarkus OIDC's session and state cookies). */
    static boolean labdeckCookie(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.startsWith("labdeck_") || n.startsWith("q_session") || n.startsWith("q_auth")
                || n.startsWith("q_pkce");
    }

    /** Removes Labdeck's credentials from a request's headers, in place. */
    static void stripCredentials(MultiMap headers) {
        CREDENTIAL_HEADERS.forEach(headers::remove);
        List<String> cookies = headers.getAll("Cookie");
        if (cookies.isEmpty()) {
            return;
        }
        String kept = cookies.stream().flatMap(c -> java.util.Arrays.stream(c.split(";"))).map(String::strip)
                .filter(c -> !c.isEmpty() && !labdeckCookie(c.split("=", 2)[0])).collect(Collectors.joining("; "));
        headers.remove("Cookie");
        if (!kept.isEmpty()) {
            headers.set("Cookie", kept);
        }
    }

    /**
     * Removes hop-by-hop headers from an answer's headers, in place, and makes it safe to hand on: see
     * {@link #cleanCookies} and {@link #cleanWorkers}.
     *
     * @param cookiePath the path-mode prefix the app's cookies are kept under, or empty on a preview host
     */
    static void cleanAnswer(MultiMap headers, String cookiePath) {
        String connection = headers.get("Connection");
        if (connection != null) {
            for (String named : connection.split(",")) {
                headers.remove(named.strip());
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
        cleanCookies(headers, cookiePath);
        cleanWorkers(headers);
    }

    /**
     * The app's cookies stay its own: any naming one of Labdeck's is dropped, none may widen itself to a parent
     * domain (other learners' preview hosts, or Labdeck's), and in path mode, where the app shares Labdeck's origin,
     * each is kept under the port's prefix so it cannot crowd or shadow Labdeck's own.
     */
    static void cleanCookies(MultiMap headers, String cookiePath) {
        List<String> cookies = headers.getAll("Set-Cookie");
        if (cookies.isEmpty()) {
            return;
        }
        headers.remove("Set-Cookie");
        cookies.stream().filter(c -> !labdeckCookie(c.split("=", 2)[0])).map(c -> scopeCookie(c, cookiePath))
                .forEach(c -> headers.add("Set-Cookie", c));
    }

    /** A Set-Cookie value without its Domain, and under {@code prefix} (when not empty) in front of its Path. */
    static String scopeCookie(String setCookie, String prefix) {
        String[] parts = setCookie.split(";");
        StringBuilder out = new StringBuilder(parts[0].strip());
        String path = "/";
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            String name = attribute.split("=", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (name.equals("path")) {
                String value = attribute.contains("=") ? attribute.split("=", 2)[1].strip() : "";
                path = value.startsWith("/") ? value : "/";
            } else if (!name.equals("domain") && !attribute.isEmpty()) {
                out.append("; ").append(attribute);
            }
        }
        String scoped = prefix.isEmpty() ? path : prefix + (path.equals("/") ? "" : path);
        return out.append("; Path=").append(scoped.isEmpty() ? "/" : scoped).toString();
    }

    /** No service worker of the app's may claim more than its script's own folder (never Labdeck's whole origin). */
    static void cleanWorkers(MultiMap headers) {
        headers.remove("Service-Worker-Allowed");
    }

    /**
     * A redirect's target in path mode: root-relative ({@code /x}) and absolute URLs to the app itself (the
     * sandbox's address and port, localhost, or the host the browser used) go under the prefix; other sites and
     * relative paths are left alone.
     *
     * @param own the authorities that mean "the app itself", lower case ({@code host:port})
     */
    static String rewriteLocation(String location, String prefix, Set<String> own) {
        if (location.startsWith("//")) {
            return location;
        }
        if (location.startsWith("/")) {
            return prefix + location;
        }
        try {
            URI uri = URI.create(location.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null
                    || !own.contains(uri.getRawAuthority().toLowerCase(Locale.ROOT))) {
                return location;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return prefix + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (IllegalArgumentException notAUri) {
            return location;
        }
    }
}
