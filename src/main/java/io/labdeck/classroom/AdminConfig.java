package io.labdeck.classroom;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The first instructor, created (or given this password) at startup: {@code LABDECK_ADMIN_USER} and
 * {@code LABDECK_ADMIN_PASSWORD}. There is no default: without both, no instructor is made, and the instructors in
 * the database are all there are.
 */
@ConfigMapping(prefix = "labdeck.admin")
public interface AdminConfig {

    /** The instructor's user name. No default. */
    Optional<String> user();

    /** Their password, at least 8 characters; stored only as a bcrypt hash. No default. */
    Optional<String> password();

    /**
     * The bcrypt cost (log2 of its rounds, 4 to 31) of passwords set from now on. Every instructor request checks
     * its password against the hash, which at 10 takes about 0.1 s here; the tests use 4.
     */
    @io.smallrye.config.WithDefault("10")
    int bcryptCost();

    /**
     * How the instructor's pages ask for a sign-in: {@code basic} (the browser's own dialog, against the instructor
     * table) or {@code code} (OIDC's authorization code flow, a redirect to the identity provider; needs OIDC
     * configured, see docs/operations.md). The API takes basic credentials, and bearer tokens when OIDC is on, either
     * way.
     */
    @io.smallrye.config.WithDefault("basic")
    String pageSignIn();
}
