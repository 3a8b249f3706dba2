package io.labdeck.preview.ports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.labdeck.terminal.ControlMessage;
import io.labdeck.terminal.TerminalService;
import io.quarkus.scheduler.Scheduled;

/**
 * Watches the ports of every session whose terminal has a viewer: each poll interval it scans them and, when a
 * session's links change, pushes {@code {"type":"ports","ports":[...]}} to its viewers. Each session's scan runs on
 * a virtual thread of its own, and a session whose last scan has not finished is skipped, so a slow sandbox or a
 * silent port never delays another session. A session no longer watched is forgotten: when it is watched again its
 * first scan is pushed whatever it says. An unchanged list is pushed again every {@link #REPUSH}.
 */
@ApplicationScoped
public class PortDetector {

    private static final Logger LOG = Logger.getLogger(PortDetector.class);
    /** How long a session's sandbox and lab are trusted before they are looked up again (a reset changes them). */
    private static final Duration RETARGET = Duration.ofSeconds(10);
    /**
     * An unchanged list is pushed again this often: a tab that reconnected between two polls, while the list
     * changed, missed the push (the page ignores a list it already shows).
     */
    private static final Duration REPUSH = Duration.ofSeconds(10);
    /**
     * How long a poll's scan waits for its probes: a healthy app answers in milliseconds; one that holds the
     * connection does not hold up the list of ports (a new port's link shows at once, as not answering yet).
     */
    private static final Duration SCAN_WAIT = Duration.ofMillis(300);

    /** A watched session: where its ports are, their probes, and the links last pushed. */
    private static final class Watched {
        final ProbeMemory memory;
        final AtomicBoolean busy = new AtomicBoolean();
        volatile PortTarget target;
        volatile Instant targetAt = Instant.MIN;
        volatile List<PortView> last;
        volatile Instant lastAt = Instant.MIN;
        volatile Instant pushedAt = Instant.MIN;

        Watched(ProbeMemory memory) {
            this.memory = memory;
        }
    }

    private final TerminalService terminals;
    private final PortTargets targets;
    private final PortScanner scanner;
    private final PortsConfig config;
    private final Clock clock;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final ExecutorService scans = Executors.newVirtualThreadPerTaskExecutor();

    public PortDetector(TerminalService terminals, PortTargets targets, PortScanner scanner, PortsConfig config,
            Clock clock) {
        this.terminals = terminals;
        this.targets = targets;
        this.scanner = scanner;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${labdeck.ports.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        poll(terminals.attached());
    }

    /** Starts a scan of each of these sessions that is not still scanning, and forgets every other session. */
    void poll(Set<String> sessions) {
        watched.entrySet().removeIf(e -> {
            boolean gone = !sessions.contains(e.getKey());
            if (gone && e.getValue().target != null) {
                targets.forget(e.getValue().target.sandbox());
            }
            return gone;
        });
        for (String id : sessions) {
            Watched w = watched.computeIfAbsent(id, k -> new Watched(scanner.memory()));
            if (w.busy.compareAndSet(false, true)) {
                scans.execute(() -> {
                    try {
                        scan(id, w);
                    } finally {
                        w.busy.set(false);
                    }
                });
            }
        }
    }

    private void scan(String id, Watched w) {
        try {
            Instant now = clock.instant();
            if (w.target == null || now.isAfter(w.targetAt.plus(RETARGET))) {
                Optional<PortTarget> target = targets.of(id);
                if (target.isEmpty()) {
                    return;
                }
                w.target = target.get();
                w.targetAt = now;
            }
            publish(id, w, scanner.scan(w.target, w.memory, SCAN_WAIT));
        } catch (RuntimeException e) {
            // A sandbox being replaced or gone: the next poll looks again.
            LOG.debugf("ports of %s: %s", id, e);
        }
    }

    private void publish(String id, Watched w, List<PortView> views) {
        Instant now = clock.instant();
        boolean changed = !views.equals(w.last);
        w.last = views;
        w.lastAt = now;
        if (changed || !now.isBefore(w.pushedAt.plus(REPUSH))) {
            w.pushedAt = now;
            terminals.push(id, new ControlMessage.Ports(views));
        }
    }

    /**
     * The session's links: the last scan's when it is recent (its terminal is watched), else a scan now (which a
     * watched session also pushes when it changed something).
     */
    List<PortView> current(PortTarget target) {
        Watched w = watched.get(target.sessionId());
        Instant now = clock.instant();
        if (w != null && w.last != null && now.isBefore(w.lastAt.plus(config.pollInterval().multipliedBy(3)))) {
            return w.last;
        }
        if (w != null && w.busy.compareAndSet(false, true)) {
            try {
                List<PortView> views = scanner.scan(target, w.memory);
                publish(target.sessionId(), w, views);
                return views;
            } finally {
                w.busy.set(false);
            }
        }
        if (w != null && w.last != null) {
            return w.last; // a poll's scan runs now, on the same memory: not a second one beside it
        }
        return scanner.scan(target, scanner.memory());
    }

    /** An ended or reset session's sandbox is gone, and its address with it (else kept for good). */
    void onSession(@jakarta.enterprise.event.ObservesAsync io.labdeck.session.SessionEvent e) {
        if (e.kind() == io.labdeck.session.SessionEvent.Kind.ENDED
                || e.kind() == io.labdeck.session.SessionEvent.Kind.RESET) {
            targets.forget(e.sessionId());
        }
    }

    @PreDestroy
    void close() {
        scans.shutdownNow();
    }
}
