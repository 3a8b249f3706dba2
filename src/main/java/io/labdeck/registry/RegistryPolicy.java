package io.labdeck.registry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may do what in the registry, decided from the request line and the session the request comes from. Anyone
 * may pull any repository by name (the stand-in images under {@code library/}, or another session's image pulled
 * deliberately). Writes are allowed only under the caller's own namespace, {@code <session>/...}. The catalog is
 * shown filtered to {@code library/} and the caller's own repositories.
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

    private RegistryPolicy() {
    }

    static Decision decide(String method, String uri, Optional<String> namespace) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        boolean read = method.equals("GET") || method.equals("HEAD");
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
            return deny("only Labdeck sandboxes may push here; this address (not a sandbox of this Labdeck) may only"
                    + " pull");
        }
        if (!repository.startsWith(namespace.get() + "/")) {
            return deny("this sandbox may push only under its own namespace " + namespace.get() + "/, e.g. "
                    + namespace.get() + "/app:1.0; '" + repository + "' is outside it");
        }
        return Decision.forward();
    }

    /** Whether the catalog shows {@code repository} to the caller. */
    static boolean visible(String repository, Optional<String> namespace) {
        return repository.startsWith("library/") || namespace.map(ns -> repository.startsWith(ns + "/")).orElse(false);
    }

    private static Decision deny(String reason) {
        return new Decision(Action.DENY, reason);
    }
}
