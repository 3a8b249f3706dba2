package io.labdeck.sandbox;

import java.time.Duration;

/**
 * A sandbox that was created.
 *
 * @param ref       how to address it later
 * @param startTime from the create call to ready
 */
public record Sandbox(SandboxRef ref, Duration startTime) {
}
