package io.labdeck.preview;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The port preview: where subdomain previews live, how long the proxy waits, who gets a sandboxed page. */
@ConfigMapping(prefix = "labdeck.preview")
public interface PreviewConfig {

    /**
     * The domain under which each port gets a host of its own, {@code <port>-<session>.<domain>} (e.g.
     * {@code preview.labdeck.example.org}; DNS needs a wildcard record for it, TLS a wildcard certificate). Without
     * it the subdomain mode is off and previews are served in path mode only, under
     * {@code /sessions/{id}/ports/{port}/}.
     */
    Optional<String> domain();

    /** The scheme of subdomain links: {@code https} behind a TLS proxy, {@code http} for a local test. */
    @WithDefault("https")
    String scheme();

    /** The port in subdomain links, when it is not the scheme's default (a local test on 8080, say). */
    OptionalInt linkPort();

    /** How long the proxy waits for the sandbox's port to take a connection before it answers 502. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** How long a connection to the sandbox's port may stay silent before the proxy gives up on it. */
    @WithDefault("10m")
    Duration idleTimeout();

    /** How many connections the proxy keeps open to one sandbox port (kept alive and reused). */
    @WithDefault("64")
    int maxConnections();

    /**
     * Who gets path-mode answers with {@code Content-Security-Policy: sandbox ...} (an opaque origin: the page cannot
     * script Labdeck's API as its viewer): {@code instructors} (requests carrying an instructor's credentials; the
     * default, so learners' own apps keep their cookies and {@code fetch}) or {@code everyone}. Subdomain previews
     * have an origin of their own and need none.
     */
    @WithDefault("instructors")
    SandboxedViewers sandboxedViewers();

    /** How long an access decision (owner, instructor, the sandbox's address) is reused before it is looked up again. */
    @WithDefault("3s")
    Duration accessCache();

    /** How long a subdomain hand-off link may wait before it is used (it is good for one use). */
    @WithDefault("2m")
    Duration handoffLifetime();

    /** How long the cookie that a hand-off sets on a preview host lasts (the session's end ends it sooner). */
    @WithDefault("12h")
    Duration grantLifetime();

    /**
     * Benchmarks and local experiments only: reach every sandbox's ports at this address instead of the sandbox's
     * own (e.g. {@code 127.0.0.1}, where {@code bench/run.sh preview} runs its stand-in app). Access rules are
     * unchanged. Never set it on a server learners use: every session's preview would show the same place.
     */
    Optional<String> targetAddress();

    /** Who gets sandboxed path-mode pages. */
    enum SandboxedViewers {
        INSTRUCTORS, EVERYONE
    }
}
