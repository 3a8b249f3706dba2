package io.labdeck.session.progress;

import io.labdeck.session.StepStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * CDI event: a step's status changed in a session. The terminal socket and, later, the class dashboard push it.
 *
 * @param sessionId the session
 * @param labId     its lab
 * @param stepId    the step
 * @param status    its new status (pending, passed, failed)
 * @param message   what the check printed
 * @param hint      the hint in the session's language, when it did not pass
 * @param checkedAt when
 */
public record StepChecked(String sessionId, String labId, String stepId, StepStatus status, String message,
        Optional<String> hint, Instant checkedAt) {

    public boolean passed() {
        return status == StepStatus.PASSED;
    }
}
