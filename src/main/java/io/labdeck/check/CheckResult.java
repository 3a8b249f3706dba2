package io.labdeck.check;

import java.time.Duration;
import java.util.Optional;

/**
 * How one run of a step's check ended.
 *
 * @param stepId  the step
 * @param passed  exit 0 within the deadline
 * @param message the reason from a {@code FAIL:} line, else the last lines the script printed; capped
 * @param hint    the step's hint in the session's language, when the check did not pass
 * @param outcome why it ended as it did, for logs and metrics
 * @param elapsed wall time of the run
 */
public record CheckResult(String stepId, boolean passed, String message, Optional<String> hint, Outcome outcome,
        Duration elapsed) {

    /** Why a check ended as it did. */
    public enum Outcome {
        /** Exit 0. */
        PASSED,
        /** A non-zero exit. */
        FAILED,
        /** The deadline killed it. */
        TIMED_OUT,
        /** The sandbox could not run it. */
        ERROR
    }
}
