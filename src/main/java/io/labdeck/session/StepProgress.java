package io.labdeck.session;

import java.time.Instant;
import java.util.Optional;

/**
 * The latest check result of a step in a session.
 *
 * @param stepId    the step
 * @param status    passed, failed, ...
 * @param message   what the check printed, trimmed
 * @param checkedAt when it was checked
 */
public record StepProgress(String stepId, StepStatus status, String message, Optional<Instant> checkedAt) {

    public static StepProgress pending(String stepId) {
        return new StepProgress(stepId, StepStatus.PENDING, "", Optional.empty());
    }
}
