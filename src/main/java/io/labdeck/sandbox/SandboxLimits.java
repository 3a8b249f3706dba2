package io.labdeck.sandbox;

/**
 * Resource limits of one sandbox.
 *
 * @param memoryBytes memory (and memory+swap: no swap)
 * @param cpus        CPU cores, fractional
 * @param pids        maximum number of processes
 */
public record SandboxLimits(long memoryBytes, double cpus, int pids) {
}
