package io.labdeck.preview.ports;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.sandbox.ListeningPort;
import io.labdeck.sandbox.SandboxPorts;

/**
 * One look at a session's ports: what listens (the {@link SandboxPorts} SPI), a probe of each reachable port that is
 * due (all at once, each bounded), and the links that makes.
 */
@ApplicationScoped
public class PortScanner {

    private final SandboxPorts ports;
    private final PortProber prober;
    private final PreviewLinks links;
    private final PortsConfig config;
    private final Clock clock;

    public PortScanner(SandboxPorts ports, PortProber prober, PreviewLinks links, PortsConfig config, Clock clock) {
        this.ports = ports;
        this.prober = prober;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    /** A fresh memory of probes for one session. */
    ProbeMemory memory() {
        return new ProbeMemory(config.recheckInterval(), config.retryInterval());
    }

    /** The session's links now. Blocks for at most about twice the probe timeout (probes run in parallel). */
    List<PortView> scan(PortTarget target, ProbeMemory memory) {
        List<ListeningPort> listening = ports.listening(target.sandbox()).stream()
                .filter(p -> target.policy().allows(p.port())).toList();
        memory.keepOnly(listening);
        Instant now = clock.instant();
        List<ListeningPort> due = memory.due(listening, now);
        List<CompletableFuture<Void>> probes = due.stream().map(p -> probe(target, p)
                .thenAccept(found -> memory.remember(p, found, now))).toList();
        CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).join();
        return PortStates.views(listening, memory.probes(), target.policy(), p -> links.url(target.sessionId(), p));
    }

    private CompletableFuture<Probe> probe(PortTarget target, ListeningPort port) {
        if (target.address().isEmpty()) {
            return CompletableFuture.completedFuture(Probe.fails("no-address", "the sandbox has no address Labdeck"
                    + " can reach"));
        }
        return prober.probe(target.address().get(), port.port());
    }
}
