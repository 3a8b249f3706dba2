package io.labdeck.session.progress;

/**
 * CDI event: a step's setup ran when the step opened, or when the learner retried it.
 *
 * @param sessionId the session
 * @param stepId    the step
 * @param ok        whether it succeeded
 * @param message   why it failed, or empty
 */
public record StepSetUp(String sessionId, String stepId, boolean ok, String message) {
}
