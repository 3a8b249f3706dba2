package io.labdeck.session.lifecycle;

import io.labdeck.session.store.SessionStore;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Session figures for /q/metrics: live sessions, starts by outcome and start latency. */
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

    public void started(Duration latency) {
        startLatency.record(latency);
        starts("ready").increment();
    }

    public void failed(String reason) {
        starts(reason).increment();
    }

    private Counter starts(String outcome) {
        return Counter.builder("labdeck.sessions.starts").description("Session starts by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
