package io.labdeck.session;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Session figures for /q/metrics: live sessions, starts by outcome, start latency, and checks. */
@ApplicationScoped
public class SessionMetrics {

    private final MeterRegistry registry;
    private final Timer startLatency;

    public SessionMetrics(MeterRegistry registry, SessionStore store) {
        this.registry = registry;
        registry.gauge("labdeck.sessions.live", store, s -> s.countLive());
        this.startLatency = Timer.builder("labdeck.sessions.start.latency")
                .description("From the start request to a ready sandbox").publishPercentileHistogram()
                .register(registry);
    }

    void started(Duration latency) {
        startLatency.record(latency);
        starts("ready").increment();
    }

    void failed(String reason) {
        starts(reason).increment();
    }

    /** One check's run time in the sandbox, by outcome and by who asked (button, auto, solve). */
    void checked(String outcome, String trigger, Duration elapsed) {
        Timer.builder("labdeck.checks").description("Step checks run in sandboxes").tag("outcome", outcome)
                .tag("trigger", trigger).register(registry).record(elapsed);
    }

    private Counter starts(String outcome) {
        return Counter.builder("labdeck.sessions.starts").description("Session starts by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
