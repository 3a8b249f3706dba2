package io.labdeck.preview.ports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.labdeck.sandbox.ListeningPort;

/**
 * The probes of one session's ports, and when each is due again: a new socket at once; one that answers after the
 * recheck interval (each probe is a request the learner's app sees); one that does not after the retry interval.
 */
final class ProbeMemory {

    private record Probed(long socket, Probe probe, Instant at) {
    }

    private final Map<Integer, Probed> probed = new ConcurrentHashMap<>();
    private final Duration recheck;
    private final Duration retry;

    ProbeMemory(Duration recheck, Duration retry) {
        this.recheck = recheck;
        this.retry = retry;
    }

    /** The reachable ports among {@code listening} whose probe is due at {@code now}. */
    List<ListeningPort> due(List<ListeningPort> listening, Instant now) {
        return listening.stream().filter(p -> p.scope() == ListeningPort.Scope.REACHABLE).filter(p -> {
            Probed last = probed.get(p.port());
            if (last == null || last.socket() != p.socket()) {
                return true;
            }
            Duration wait = last.probe().answering() ? recheck : retry;
            return !now.isBefore(last.at().plus(wait));
        }).toList();
    }

    void remember(ListeningPort port, Probe probe, Instant at) {
        probed.put(port.port(), new Probed(port.socket(), probe, at));
    }

    /** Forgets the ports no longer listening, so one that comes back is probed at once. */
    void keepOnly(List<ListeningPort> listening) {
        Set<Integer> ports = listening.stream().map(ListeningPort::port).collect(Collectors.toSet());
        probed.keySet().retainAll(ports);
    }

    /** The latest probe of each port. */
    Map<Integer, Probe> probes() {
        return probed.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().probe()));
    }
}
