package io.labdeck.session;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Session lifetimes, capacity and the owner cookie. */
@ConfigMapping(prefix = "labdeck.session")
public interface SessionConfig {

    /** How long a session lives when its lab names no duration. */
    @WithDefault("60m")
    Duration defaultDuration();

    /** What one extension adds. */
    @WithDefault("30m")
    Duration extension();

    /** The longest a session may live from its start, extensions included. */
    @WithDefault("4h")
    Duration maxLifetime();

    /** A session whose browser has not been heard from for this long is ended and its sandbox removed. */
    @WithDefault("15m")
    Duration orphanTimeout();

    /** The most live sessions at once; more gives 503. */
    @WithDefault("60")
    int maxLive();

    /**
     * The most live sessions started from one client address (an IPv6 /64 counts as one), so that one script
     * cannot take every seat: enough for a class of 40 behind one school's NAT. Keep it below {@link #maxLive()}.
     */
    @WithDefault("40")
    int maxLivePerAddress();

    /** The most sessions starting at once; more gives 429 with Retry-After. */
    @WithDefault("4")
    int maxStarting();

    /** The most live sessions one browser (owner cookie) may hold, of all labs. */
    @WithDefault("3")
    int maxPerOwner();

    /** The most live sessions one browser may hold of one lab. */
    @WithDefault("1")
    int maxPerOwnerPerLab();

    /**
     * How many sessions one client address may start in a burst: enough for a class of 40 behind one school's NAT
     * to start together, with room to spare. Behind a reverse proxy, set {@code quarkus.http.proxy.*} so that the
     * address is the client's, not the proxy's.
     */
    @WithDefault("60")
    int startBurst();

    /** After a burst, one more start per address is allowed each time this passes. */
    @WithDefault("2s")
    Duration startRefill();

    /** What Retry-After says when too many sessions are starting. */
    @WithDefault("5s")
    Duration retryAfter();

    /** How often expired and orphaned sessions are looked for. */
    @WithDefault("15s")
    Duration sweepInterval();

    /**
     * How long an ended session is kept (its progress, check results and terminal recording) after it was last
     * used: a returning learner sees their progress until then. Then it is deleted.
     */
    @WithDefault("30d")
    Duration retention();

    /** How often sessions past their retention are deleted. */
    @WithDefault("6h")
    Duration retentionInterval();

    /** How often sandbox resources that no live session owns are removed. */
    @WithDefault("60s")
    Duration reapInterval();

    /**
     * Whether the owner cookie is always sent only over HTTPS. It is anyway when the request came over HTTPS, or
     * through a proxy that says so with {@code X-Forwarded-Proto: https}.
     */
    @WithDefault("false")
    boolean secureCookie();
}
