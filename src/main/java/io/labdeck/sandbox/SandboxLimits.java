package io.labdeck.sandbox;

/**
 * Resource limits of one sandbox.
 *
 * @param memoryBytes memory (and memory+swap: no swap)
 * @param cpus        CPU cores, fractional
 * @param pids        maximum number of processes, inner containers' included
 * @param diskBytes   size of the inner Docker engine's storage; 0 for sandboxes without Docker inside
 */
public record SandboxLimits(long memoryBytes, double cpus, int pids, long diskBytes) {

    /** Limits of a sandbox without Docker inside. */
    public SandboxLimits(long memoryBytes, double cpus, int pids) {
        this(memoryBytes, cpus, pids, 0);
    }
}
