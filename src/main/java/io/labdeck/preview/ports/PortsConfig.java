package io.labdeck.preview.ports;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Port detection for the lab page's port links: how often ports are looked at and how they are probed. */
@ConfigMapping(prefix = "labdeck.ports")
public interface PortsConfig {

    /**
     * How often the listening ports of every session with an open terminal are read; a link shows within about this
     * much (plus a probe) of its port opening, and goes when it closes. Reading is a few file reads per sandbox.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a probe waits to connect (it then holds the connection a quarter second, sending nothing). */
    @WithDefault("1s")
    Duration probeTimeout();

    /**
     * How often a port that answers is probed again while it keeps listening with the same socket. Each probe is
     * a connection the learner's app accepts (it sends nothing, so nothing is logged); a port whose server restarts
     * (a new socket) is probed at once.
     */
    @WithDefault("30s")
    Duration recheckInterval();

    /**
     * How often a port that listens but does not answer is probed again, so it turns live soon after it can. In the
     * first 5 s of its socket it is probed at every poll: a server that has just bound its port is often still
     * starting.
     */
    @WithDefault("2s")
    Duration retryInterval();
}
