package io.labdeck.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * What a sandbox looks like now.
 *
 * @param exists  whether the backend still has it
 * @param running whether its processes run
 * @param status  the backend's word for its state
 * @param ports   ports published by it (reachable from the platform)
 * @param limits  the limits it was given
 * @param labels  its labels
 * @param address its address on its own network, where the platform reaches what it serves (the ports its inner
 *                containers publish, say)
 */
public record SandboxState(boolean exists, boolean running, String status, List<PublishedPort> ports,
        Optional<SandboxLimits> limits, java.util.Map<String, String> labels, Optional<String> address) {

    public static SandboxState gone() {
        return new SandboxState(false, false, "gone", List.of(), Optional.empty(), java.util.Map.of(),
                Optional.empty());
    }

    /** A port published by the sandbox: container port and where the platform reaches it. */
    public record PublishedPort(int port, String host, int hostPort) {
    }
}
