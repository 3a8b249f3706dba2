package io.labdeck.session.progress;

/**
 * What a check answers (the contract's {@code {passed, message, hint}}, plus the step's status and whether the lab
 * is now complete).
 *
 * @param passed    exit 0 within the deadline
 * @param message   what the check printed, trimmed; a {@code FAIL:} line's reason when there is one
 * @param hint      the step's hint in the session's language, when it did not pass; else null
 * @param status    the step's status after this check
 * @param completed whether every step with a check has now passed
 */
public record CheckOutcome(boolean passed, String message, String hint, String status, boolean completed) {
}
