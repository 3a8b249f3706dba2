package io.labdeck.session;

import java.time.Instant;
import java.util.Optional;

/**
 * A step's stored state in a session: its latest check result and its setup.
 *
 * @param stepId     the step
 * @param status     pending, passed or failed (blocked is worked out, never stored)
 * @param message    what the latest check printed, trimmed
 * @param checkedAt  when it was last checked
 * @param setupAt    when the step's setup ran successfully (it runs once, when the step opens)
 * @param setupError why the step's setup failed, until a retry succeeds
 */
public record StepProgress(String stepId, StepStatus status, String message, Optional<Instant> checkedAt,
        Optional<Instant> setupAt, Optional<String> setupError) {

    public StepProgress(String stepId, StepStatus status, String message, Optional<Instant> checkedAt) {
        this(stepId, status, message, checkedAt, Optional.empty(), Optional.empty());
    }

    public static StepProgress pending(String stepId) {
        return new StepProgress(stepId, StepStatus.PENDING, "", Optional.empty());
    }

    public StepProgress checked(StepStatus newStatus, String newMessage, Instant at) {
        return new StepProgress(stepId, newStatus, newMessage, Optional.of(at), setupAt, setupError);
    }

    public StepProgress setUp(Instant at) {
        return new StepProgress(stepId, status, message, checkedAt, Optional.of(at), Optional.empty());
    }

    public StepProgress setupFailed(String why) {
        return new StepProgress(stepId, status, message, checkedAt, setupAt, Optional.of(why));
    }
}
