package io.labdeck.preview.ports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.labdeck.lab.PortPolicy;
import io.labdeck.sandbox.ListeningPort;

/**
 * The links of one sandbox from what listens, what the probes found and the lab's ports. Ports the lab does not
 * allow (the inner Docker API's among them) are left out, as the proxy refuses them; ports the lab names that nothing
 * listens on are in, {@code not-listening}, so the learner sees the link the lab's text promises and why it is not
 * live yet.
 */
final class PortStates {

    /** Linux's default {@code net.ipv4.ip_local_port_range}. */
    private static final int EPHEMERAL_FROM = 32768;
    private static final int EPHEMERAL_TO = 60999;

    private PortStates() {
    }

    /**
     * @param listening what listens now
     * @param probes    the latest probe of each reachable port (a port not probed yet counts as not answering)
     * @param policy    the lab's ports
     * @param url       a port's preview URL
     */
    static List<PortView> views(List<ListeningPort> listening, Map<Integer, Probe> probes, PortPolicy policy,
            IntFunction<String> url) {
        List<PortView> views = new ArrayList<>();
        for (ListeningPort p : listening) {
            if (policy.allows(p.port()) && !internal(p, policy)) {
                views.add(view(p, probes.get(p.port()), url.apply(p.port())));
            }
        }
        for (int port : policy.expected()) {
            if (policy.allows(port) && views.stream().noneMatch(v -> v.port() == port)) {
                views.add(new PortView(port, url.apply(port), false, PortState.NOT_LISTENING,
                        "nothing listens on " + port + " yet", "not-listening"));
            }
        }
        views.sort(Comparator.comparingInt(PortView::port));
        return List.copyOf(views);
    }

    /**
     * A socket the learner did not open: one that only the sandbox itself can reach, on a port of the kernel's
     * ephemeral range, is a program's own (the inner engine's containerd binds its stream server to a random
     * 127.0.0.1 port). Listing it would send learners after a link that is not theirs. A port the lab names stays.
     */
    private static boolean internal(ListeningPort p, PortPolicy policy) {
        return p.scope() != ListeningPort.Scope.REACHABLE && p.port() >= EPHEMERAL_FROM && p.port() <= EPHEMERAL_TO
                && !policy.expected().contains(p.port());
    }

    private static PortView view(ListeningPort p, Probe probe, String url) {
        return switch (p.scope()) {
            case LOOPBACK -> new PortView(p.port(), url, false, PortState.LOCAL_ONLY, "it listens on 127.0.0.1 only,"
                    + " which the preview cannot reach: start it on 0.0.0.0", "loopback-only");
            case ENGINE -> new PortView(p.port(), url, false, PortState.LOCAL_ONLY, "it listens inside the Docker"
                    + " engine's network only: run it in a container published with docker run -p " + p.port() + ":"
                    + p.port(), "engine-only");
            case REACHABLE -> {
                Probe known = probe == null ? Probe.fails("checking", "it is being checked") : probe;
                yield new PortView(p.port(), url, known.answering(), known.answering() ? PortState.ANSWERING
                        : PortState.NOT_ANSWERING, known.reason(), known.code());
            }
        };
    }
}
