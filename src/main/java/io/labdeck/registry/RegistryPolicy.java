package io.labdeck.registry;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may do what in the registry, decided from the request line and the session the caller's credentials prove.
 * Anyone may pull any repository by name (the stand-in images under {@code library/}, or another session's image
 * pulled deliberately). Writes need credentials and are allowed only under the caller's own namespace,
 * {@code <session>/...}. The catalog is shown filtered to {@code library/} and the caller's own repositories.
 *
 * <p>Decisions are made on the path exactly as the registry will route it, so a path must be canonical: registry
 * names, tags and digests never need percent-encoding, dot segments, doubled slashes or upper case, and a path with
 * any of them is refused rather than normalised (the registry behind would decode or clean it differently).
 */
final class RegistryPolicy {

    /** What the proxy does with a request. */
    enum Action { FORWARD, CATALOG, DENY }

    /** The decision, and for a denial the reason a learner reads in {@code docker push}'s error. */
    record Decision(Action action, String reason) {
        static Decision forward() {
            return new Decision(Action.FORWARD, "");
        }
    }

    private static final Pattern REPOSITORY = Pattern.compile("^/v2/(.+?)/(manifests|blobs|tags)(/.*)?$");
    private static final Pattern CANONICAL = Pattern.compile("^/v2/([a-z0-9._:@+=-]+(/[a-z0-9._:@+=-]+)*/?)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private RegistryPolicy() {
    }

    /**
     * @param namespace the session the caller's credentials prove; empty for an anonymous caller (or the mirror,
     *                  where nobody writes)
     */
    static Decision decide(String method, String uri, Optional<String> namespace) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        Optional<String> problem = problem(path);
        if (problem.isPresent()) {
            return deny(problem.get());
        }
        boolean read = READS.contains(method);
        if (!read && !WRITES.contains(method)) {
            return deny(method + " is not a registry method");
        }
        if (path.equals("/v2/_catalog")) {
            return read ? new Decision(Action.CATALOG, "") : deny("the catalog is read-only");
        }
        if (read) {
            return Decision.forward();
        }
        Matcher m = REPOSITORY.matcher(path);
        if (!m.matches()) {
            return deny(method + " " + path + " is not a registry write this registry allows");
        }
        String repository = m.group(1);
        if (namespace.isEmpty()) {
            return deny("pushing here needs the session's credentials, which Labdeck writes into the sandbox's"
                    + " ~/.docker/config.json; anonymous callers may only pull");
        }
        if (!repository.startsWith(namespace.get() + "/") || !repository.equals(repository.toLowerCase(
                java.util.Locale.ROOT))) {
            return deny("this session may push only under its own namespace " + namespace.get() + "/, e.g. "
                    + namespace.get() + "/app:1.0; '" + repository + "' is outside it");
        }
        return Decision.forward();
    }

    /** Why a path is not canonical, if it is not. */
    static Optional<String> problem(String path) {
        if (path.indexOf('%') >= 0) {
            return Optional.of("percent-encoded characters are not allowed in registry paths (" + path + ")");
        }
        if (path.contains("//") || path.matches(".*/\\.{1,2}(/.*)?$")) {
            return Optional.of("dot segments and empty segments are not allowed in registry paths (" + path + ")");
        }
        if (!CANONICAL.matcher(path).matches()) {
            return Optional.of("'" + path + "' is not a registry path");
        }
        return Optional.empty();
    }

    /** Whether the catalog shows {@code repository} to the caller. */
    static boolean visible(String repository, Optional<String> namespace) {
        return repository.startsWith("library/") || namespace.map(ns -> repository.startsWith(ns + "/")).orElse(false);
    }

    private static Decision deny(String reason) {
        return new Decision(Action.DENY, reason);
    }
}
