package io.labdeck.classroom;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Classes: when a learner counts as stuck, and where join links point. */
@ConfigMapping(prefix = "labdeck.classroom")
public interface ClassroomConfig {

    /** A learner is stuck when their current step has not passed this long after they reached it. */
    @WithDefault("10m")
    Duration stuckAfter();

    /** A learner is also stuck after this many failed checks of their current step. */
    @WithDefault("3")
    int stuckFails();

    /**
     * The address learners reach Labdeck at, for join links and QR codes (e.g. {@code https://labs.example.org}).
     * Unset: the address the instructor's request came to (behind a proxy, set {@code quarkus.http.proxy.*}).
     */
    Optional<String> publicUrl();

    /** The most seats a class may have. */
    @WithDefault("500")
    int maxSeats();
}
