package io.labdeck.session.progress;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The background check that turns steps green while the learner works in the terminal. */
@ConfigMapping(prefix = "labdeck.autocheck")
public interface AutoCheckConfig {

    /** Whether steps are checked in the background at all. */
    @WithDefault("true")
    boolean enabled();

    /** How long after Enter the check waits, so a quick command has finished and several Enters make one check. */
    @WithDefault("600ms")
    Duration debounce();

    /** The least time between two background checks of one session. */
    @WithDefault("2s")
    Duration minInterval();

    /**
     * How often a session with an attached terminal is checked without any Enter, for slow commands (a long
     * {@code docker build}) that finish after the debounce.
     */
    @WithDefault("5s")
    Duration sweepInterval();

    /** The most steps one background round checks (the open steps that have not passed, in order). */
    @WithDefault("3")
    int stepsPerRound();
}
