package io.labdeck.preview.ports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.labdeck.sandbox.ListeningPort;

/**
 * The probes of one session's ports, and when each is due again: a new socket at once; one that answers after the
 * recheck interval (each probe is a request the learner's app sees); one that does not at every scan while its socket
 * is young, even while earlier probes still wait (a server that has just bound its port, or a rootless engine's port
 * driver in front of a container still starting, often holds the first connections unanswered), then after the retry
 * interval. A probe's finding counts only for the socket it probed, and never over a later probe's.
 */
final class ProbeMemory {

    /** How long a socket counts as young. */
    static final Duration YOUNG = Duration.ofSeconds(5);
    /** The most probes of one young port that may wait at once. */
    private static final int YOUNG_PROBES = 3;

    private record Seen(long socket, Instant born) {
    }

    private record Probed(long socket, Probe probe, Instant started) {
    }

    private final Map<Integer, Seen> seen = new ConcurrentHashMap<>();
    private final Map<Integer, Probed> probed = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Duration recheck;
    private final Duration retry;

    ProbeMemory(Duration recheck, Duration retry) {
        this.recheck = recheck;
        this.retry = retry;
    }

    /** The reachable ports among {@code listening} whose probe is due at {@code now}. */
    List<ListeningPort> due(List<ListeningPort> listening, Instant now) {
        return listening.stream().filter(p -> p.scope() == ListeningPort.Scope.REACHABLE)
                .filter(p -> due(p, now)).toList();
    }

    private boolean due(ListeningPort p, Instant now) {
        Seen s = seen.compute(p.port(), (k, old) -> old != null && old.socket() == p.socket() ? old
                : new Seen(p.socket(), now));
        int waiting = running.computeIfAbsent(p.port(), k -> new AtomicInteger()).get();
        boolean young = now.isBefore(s.born().plus(YOUNG));
        Probed last = probed.get(p.port());
        if (last != null && last.socket() == p.socket() && last.probe().answering()) {
            return waiting <= 0 && !now.isBefore(last.started().plus(recheck));
        }
        if (young) {
            return waiting < YOUNG_PROBES;
        }
        return waiting <= 0 && (last == null || last.socket() != p.socket()
                || !now.isBefore(last.started().plus(retry)));
    }

    /** A probe of the port starts now. */
    void started(ListeningPort port) {
        running.computeIfAbsent(port.port(), k -> new AtomicInteger()).incrementAndGet();
    }

    /** What the probe of {@code port} started at {@code started} found. */
    void remember(ListeningPort port, Probe probe, Instant started) {
        running.computeIfAbsent(port.port(), k -> new AtomicInteger()).decrementAndGet();
        Seen s = seen.get(port.port());
        if (s == null || s.socket() != port.socket()) {
            return;
        }
        probed.merge(port.port(), new Probed(port.socket(), probe, started), (old, now) ->
                old.socket() == now.socket() && old.started().isAfter(now.started()) ? old : now);
    }

    /** Forgets the ports no longer listening, so one that comes back is probed at once. */
    void keepOnly(List<ListeningPort> listening) {
        Set<Integer> ports = listening.stream().map(ListeningPort::port).collect(Collectors.toSet());
        seen.keySet().retainAll(ports);
        probed.keySet().retainAll(ports);
        running.entrySet().removeIf(e -> !ports.contains(e.getKey()) && e.getValue().get() <= 0);
    }

    /** The latest finding of each port, for the socket listening now. */
    Map<Integer, Probe> probes() {
        return probed.entrySet().stream()
                .filter(e -> seen.containsKey(e.getKey()) && seen.get(e.getKey()).socket() == e.getValue().socket())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().probe()));
    }
}
