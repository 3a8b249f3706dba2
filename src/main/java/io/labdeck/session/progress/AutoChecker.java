package io.labdeck.session.progress;

import io.labdeck.session.SessionState;
import io.labdeck.session.store.SessionStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.labdeck.platform.WarnOnce;
import io.labdeck.terminal.CommandEntered;
import io.labdeck.terminal.TerminalService;
import io.quarkus.scheduler.Scheduled;

/**
 * Checks a session's open steps in the background while its terminal is attached: a little after each Enter
 * (debounced), and every few seconds for commands that take longer. At most one round runs per session at a time,
 * rounds are at least {@code min-interval} apart, and each runs on a virtual thread because exec blocks.
 */
@ApplicationScoped
public class AutoChecker {

    private static final Logger LOG = Logger.getLogger(AutoChecker.class);

    private final ProgressService progress;
    private final SessionStore store;
    private final TerminalService terminals;
    private final AutoCheckConfig config;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("labdeck-autocheck").daemon().factory());
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final WarnOnce failures = new WarnOnce(LOG, Duration.ofMinutes(10));

    public AutoChecker(ProgressService progress, SessionStore store, TerminalService terminals,
            AutoCheckConfig config) {
        this.progress = progress;
        this.store = store;
        this.terminals = terminals;
        this.config = config;
    }

    /** One session's schedule: the round waiting to run, and when the last one started. */
    private static final class Slot {
        ScheduledFuture<?> next;
        long lastStart = Long.MIN_VALUE / 2;
        boolean running;
        boolean again;
    }

    void onCommand(@Observes CommandEntered e) {
        if (config.enabled()) {
            schedule(e.sessionId(), config.debounce(), true);
        }
    }

    @Scheduled(every = "${labdeck.autocheck.sweep-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (config.enabled()) {
            terminals.attached().forEach(id -> schedule(id, Duration.ZERO, false));
        }
    }

    /** Asks for a round after {@code delay}; {@code restart} pushes a waiting round back (debounce). */
    private void schedule(String sessionId, Duration delay, boolean restart) {
        Slot slot = slots.computeIfAbsent(sessionId, id -> new Slot());
        synchronized (slot) {
            if (slot.running) {
                slot.again |= restart;
                return;
            }
            if (slot.next != null && !slot.next.isDone()) {
                if (!restart) {
                    return;
                }
                slot.next.cancel(false);
            }
            long earliest = slot.lastStart + config.minInterval().toNanos() - System.nanoTime();
            long wait = Math.max(delay.toNanos(), earliest);
            slot.next = timer.schedule(() -> Thread.ofVirtual().name("autocheck-" + sessionId)
                    .start(() -> round(sessionId, slot)), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void round(String sessionId, Slot slot) {
        synchronized (slot) {
            slot.running = true;
            slot.lastStart = System.nanoTime();
        }
        try {
            store.find(sessionId).filter(s -> s.state() == SessionState.READY)
                    .ifPresentOrElse(s -> progress.autoCheck(s, config.stepsPerRound()), () -> slots.remove(sessionId));
        } catch (RuntimeException e) {
            failures.warn("a background check of " + sessionId + " failed", e);
        } finally {
            boolean again;
            synchronized (slot) {
                slot.running = false;
                again = slot.again;
                slot.again = false;
            }
            if (again) {
                schedule(sessionId, config.debounce(), true);
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
