package io.labdeck.classroom;

import java.time.Instant;

/** Whether a class can be joined now, in words a learner understands when it cannot. */
public final class Joinable {

    private Joinable() {
    }

    /** @throws ClassUnavailableException when the class has not started, or has ended or been closed */
    public static void check(Classroom c, Instant now) {
        switch (c.state(now)) {
            case SCHEDULED -> throw new ClassUnavailableException("class-not-started", "The class '" + c.name()
                    + "' opens at " + c.startsAt().orElseThrow() + "; join then.");
            case CLOSED -> throw new ClassUnavailableException("class-closed", "The class '" + c.name()
                    + "' has " + (c.closedAt().isPresent() ? "been closed by its instructor" : "ended") + ".");
            case OPEN -> {
            }
        }
    }
}
