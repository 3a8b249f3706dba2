package io.labdeck.preview.ports;

import java.time.Duration;

/** Port detection's settings for unit tests: short probes. */
record TestPortsConfig(Duration pollInterval, Duration probeTimeout, Duration recheckInterval,
        Duration retryInterval) implements PortsConfig {

    static TestPortsConfig quick() {
        return new TestPortsConfig(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(30),
                Duration.ofSeconds(2));
    }
}
