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

    /** Removes hop-by-hop headers and cookies naming Labdeck's from an answer's headers, in place. */
    static void cleanAnswer(MultiMap headers) {
        String connection = headers.get("Connection");
        if (connection != null) {
            for (String named : connection.split(",")) {
                headers.remove(named.strip());
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
        List<String> cookies = headers.getAll("Set-Cookie");
        if (cookies.stream().anyMatch(c -> labdeckCookie(c.split("=", 2)[0]))) {
            headers.remove("Set-Cookie");
            cookies.stream().filter(c -> !labdeckCookie(c.split("=", 2)[0])).forEach(c -> headers.add("Set-Cookie",
                    c));
        }
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
