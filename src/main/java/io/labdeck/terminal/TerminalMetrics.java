package io.labdeck.terminal;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Terminal figures for /q/metrics. Tabs the server dropped (close 4001) say how often learners' links or machines
 * cannot keep up with their shells' output; a steady rise is worth a look at the viewer backlog or the network.
 */
@ApplicationScoped
public class TerminalMetrics {

    private final Counter dropped;

    public TerminalMetrics(MeterRegistry registry) {
        this.dropped = Counter.builder("labdeck.terminal.dropped")
                .description("Terminal tabs the server disconnected because they fell behind or flooded input")
                .register(registry);
    }

    void dropped() {
        dropped.increment();
    }
}
