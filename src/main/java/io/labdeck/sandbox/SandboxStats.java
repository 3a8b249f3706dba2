package io.labdeck.sandbox;

/**
 * Resource use of a sandbox at one moment.
 *
 * @param memoryBytes memory in use
 * @param pids        processes running
 */
public record SandboxStats(long memoryBytes, long pids) {
}
