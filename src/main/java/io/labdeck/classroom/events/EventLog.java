package io.labdeck.classroom.events;

import io.labdeck.classroom.ClassEvent;
import io.labdeck.classroom.store.EventStore;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.labdeck.platform.WarnOnce;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where every event goes: stored in the event log, counted in {@code labdeck_events_total{event=...}}, then fired
 * as a {@link ClassEvent} (asynchronously) for those who pass it on: the class's live socket, a webhook. A database
 * that fails loses the event, logged once; it never fails what caused it.
 */
@ApplicationScoped
public class EventLog {

    private final EventStore store;
    private final MeterRegistry registry;
    private final Event<ClassEvent> fired;
    private final WarnOnce failures = new WarnOnce(Logger.getLogger(EventLog.class), Duration.ofMinutes(10));

    public EventLog(EventStore store, MeterRegistry registry, Event<ClassEvent> fired) {
        this.store = store;
        this.registry = registry;
        this.fired = fired;
    }

    public void record(ClassEvent event) {
        Counter.builder("labdeck.events").description("Events by name (the event log's envelopes)")
                .tag("event", event.event()).register(registry).increment();
        ClassEvent stored;
        try {
            stored = store.append(event);
        } catch (RuntimeException e) {
            failures.warn("storing the event " + event.event() + " failed", e);
            stored = event;
        }
        fired.fireAsync(stored);
    }
}
