package io.labdeck.session.progress;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Check figures for /q/metrics: each check's run time in the sandbox, by outcome and by who asked. */
@ApplicationScoped
public class CheckMetrics {

    private final MeterRegistry registry;

    public CheckMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One check: its outcome, who asked (button, auto, solve), and how long it ran. */
    void checked(String outcome, String trigger, Duration elapsed) {
        Timer.builder("labdeck.checks").description("Step checks run in sandboxes").tag("outcome", outcome)
                .tag("trigger", trigger).register(registry).record(elapsed);
    }
}
