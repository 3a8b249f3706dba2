package io.labdeck.preview.proxy;

/**
 * How a request reached the preview.
 *
 * @param prefix    the path-mode prefix ({@code /sessions/{id}/ports/{port}}), empty on a preview host
 * @param sandboxed whether the answer gets {@code Content-Security-Policy: sandbox} (path mode, for some viewers)
 */
public record ProxyMode(String prefix, boolean sandboxed) {

    /** A preview host: the app at the root, with an origin of its own. */
    public static ProxyMode subdomain() {
        return new ProxyMode("", false);
    }

    public boolean pathMode() {
        return !prefix.isEmpty();
    }

    /** What the app is asked for: the request's URI without the prefix (always starting with a slash). */
    String targetUri(String uri) {
        String rest = uri.substring(prefix.length());
        return rest.startsWith("/") ? rest : "/" + rest;
    }
}
