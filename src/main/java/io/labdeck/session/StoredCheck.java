package io.labdeck.session;

import java.time.Duration;
import java.time.Instant;

/**
 * One check result as kept in a session's history.
 *
 * @param stepId    the step
 * @param passed    whether it passed
 * @param outcome   passed, failed, timed_out or error
 * @param trigger   who asked: the learner's button, the auto-checker, or a solve
 * @param message   what it printed, trimmed
 * @param elapsed   how long it ran
 * @param checkedAt when it ran
 */
public record StoredCheck(String stepId, boolean passed, String outcome, String trigger, String message,
        Duration elapsed, Instant checkedAt) {
}
