package io.labdeck.session;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * CDI event (fired asynchronously): something happened in a session's life that others record or pass on. The
 * classroom stores each one in its event log; the session package knows nobody who listens.
 *
 * @param kind      what happened
 * @param sessionId the session
 * @param labId     its lab
 * @param stepId    the step, for a check
 * @param at        when
 * @param data      details: the state a session ended in, a check's trigger and outcome, a new expiry
 */
public record SessionEvent(Kind kind, String sessionId, String labId, Optional<String> stepId, Instant at,
        Map<String, String> data) {

    /** What happened; {@link #word()} is the event's name in the envelope. */
    public enum Kind {
        STARTED("session.started"), ENDED("session.ended"), EXTENDED("session.extended"), RESET("session.reset"),
        STEP_PASSED("step.passed"), STEP_FAILED("step.failed");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public static SessionEvent of(Kind kind, LabSession session, Instant at, Map<String, String> data) {
        return new SessionEvent(kind, session.id(), session.labId(), Optional.empty(), at, data);
    }
}
