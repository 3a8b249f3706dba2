package io.labdeck.lab;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which ports of a lab's sandbox the preview may open, from lab.yaml's {@code sandbox.ports}. Without the key, every
 * unprivileged port (1024-65535) is allowed. The inner Docker API ports are refused whatever the lab says, because
 * they hand out the learner's engine to whoever reaches them.
 *
 * @param allowed  the ranges the lab allows
 * @param expected the single ports the lab names ({@code ports: [5001]}): the page shows a link for them before
 *                 anything listens, saying that nothing listens yet
 */
public record PortPolicy(List<Range> allowed, SortedSet<Integer> expected) {

    /** Ports never proxied: the Docker API (plain and TLS) and swarm's management port. */
    public static final Set<Integer> DENIED = Set.of(2375, 2376, 2377);

    /** An inclusive range of ports. */
    public record Range(int from, int to) {
        public Range {
            if (from < 1 || to > 65535 || from > to) {
                throw new IllegalArgumentException("not a port range: " + from + "-" + to);
            }
        }

        boolean contains(int port) {
            return port >= from && port <= to;
        }
    }

    public PortPolicy {
        allowed = List.copyOf(allowed);
        expected = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(expected));
    }

    /** The policy of a lab that says nothing: the unprivileged ports, none expected. */
    public static PortPolicy defaults() {
        return new PortPolicy(List.of(new Range(1024, 65535)), new TreeSet<>());
    }

    /** Whether the preview may open this port. */
    public boolean allows(int port) {
        return !DENIED.contains(port) && allowed.stream().anyMatch(r -> r.contains(port));
    }

    /** Why a port is refused, for the 403's message; empty when it is allowed. */
    public String refusal(int port) {
        if (DENIED.contains(port)) {
            return "port " + port + " is the inner Docker engine's API, which is never opened";
        }
        if (!allows(port)) {
            return "port " + port + " is not among the lab's ports (" + describe() + ")";
        }
        return "";
    }

    /** The allowed ranges as an author wrote them, e.g. {@code 5001, 8000-8100}. */
    public String describe() {
        return String.join(", ", allowed.stream()
                .map(r -> r.from() == r.to() ? String.valueOf(r.from()) : r.from() + "-" + r.to()).toList());
    }
}
