package io.labdeck.preview;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a session's port is previewed. Path mode is always on: {@code /sessions/{id}/ports/{port}/}. With
 * {@code labdeck.preview.domain} set, each port also has a host of its own, {@code <port>-<session>.<domain>}, reached
 * through the main host's hand-off route {@code /sessions/{id}/subdomain/{port}} (which checks the viewer and sets
 * that host's cookie).
 */
@ApplicationScoped
public class PreviewLinks {

    private final Optional<String> domain;
    private final String scheme;
    private final java.util.OptionalInt linkPort;

    @jakarta.inject.Inject
    public PreviewLinks(PreviewConfig config) {
        this(config.domain(), config.scheme(), config.linkPort());
    }

    private PreviewLinks(Optional<String> domain, String scheme, java.util.OptionalInt linkPort) {
        this.domain = domain;
        this.scheme = scheme;
        this.linkPort = linkPort;
    }

    /** Links of a server without subdomains: path mode only (tests). */
    public static PreviewLinks pathOnly() {
        return new PreviewLinks(Optional.empty(), "https", java.util.OptionalInt.empty());
    }

    /** The path-mode URL, relative to the main host; it ends in a slash so the app's relative links work. */
    public String url(String sessionId, int port) {
        return prefix(sessionId, port) + "/";
    }

    /** The path-mode prefix without the final slash. */
    public static String prefix(String sessionId, int port) {
        return "/sessions/" + sessionId + "/ports/" + port;
    }

    /** The main host's route that hands the viewer over to the port's own host, when subdomains are on. */
    public Optional<String> handoffUrl(String sessionId, int port) {
        return domain.map(d -> "/sessions/" + sessionId + "/subdomain/" + port);
    }

    /** The link a page should open: the subdomain's hand-off when subdomains are on, else the path-mode URL. */
    public String preferred(String sessionId, int port) {
        return handoffUrl(sessionId, port).orElseGet(() -> url(sessionId, port));
    }

    /** The port's own host, e.g. {@code https://5001-abc.preview.example.org/}, when subdomains are on. */
    public Optional<String> subdomainUrl(String sessionId, int port) {
        return domain.map(d -> scheme + "://" + host(sessionId, port, d)
                + (linkPort.isPresent() ? ":" + linkPort.getAsInt() : "") + "/");
    }

    /** The session and port a request's Host names, when it is a preview host of the configured domain. */
    public Optional<PreviewHost> parseHost(String hostHeader) {
        if (hostHeader == null || domain.isEmpty()) {
            return Optional.empty();
        }
        String host = hostHeader.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) {
            host = host.substring(0, colon);
        }
        String suffix = "." + domain.get().toLowerCase(Locale.ROOT);
        if (!host.endsWith(suffix)) {
            return Optional.empty();
        }
        return Optional.of(PreviewHost.parse(host.substring(0, host.length() - suffix.length())));
    }

    private static String host(String sessionId, int port, String domain) {
        return port + "-" + sessionId + "." + domain;
    }
}
