package io.labdeck.sandbox;

import java.time.Duration;

/**
 * How a command ended.
 *
 * @param exitCode  its exit code (137 or 124 after a timeout)
 * @param stdout    standard output, UTF-8, capped
 * @param stderr    standard error, UTF-8, capped
 * @param timedOut  whether the deadline killed it
 * @param truncated whether output was dropped at the cap
 * @param elapsed   wall time
 */
public record ExecResult(int exitCode, String stdout, String stderr, boolean timedOut, boolean truncated,
        Duration elapsed) {

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }
}
