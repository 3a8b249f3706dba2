package io.labdeck.lab;

import java.time.Duration;
import java.util.Optional;

/**
 * What a lab asks of its sandbox. Empty values mean "the platform default"; the platform also caps them.
 *
 * @param image       container image
 * @param docker      whether a Docker engine runs inside the sandbox
 * @param memoryBytes memory limit
 * @param cpus        CPU limit, in cores
 * @param pids        process limit
 * @param diskBytes   disk limit for the sandbox's writable storage
 * @param duration    how long a session lives before it may be extended
 * @param egress      what the sandbox may reach beyond itself: {@code none}, {@code registry} or {@code internet}
 * @param ports       which of its ports the preview may open
 */
public record SandboxSpec(Optional<String> image, boolean docker, Optional<Long> memoryBytes, Optional<Double> cpus,
        Optional<Integer> pids, Optional<Long> diskBytes, Optional<Duration> duration, Optional<String> egress,
        PortPolicy ports) {

    public static SandboxSpec defaults() {
        return new SandboxSpec(Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), PortPolicy.defaults());
    }
}
