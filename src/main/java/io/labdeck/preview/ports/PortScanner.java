package io.labdeck.preview.ports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.sandbox.ListeningPort;
import io.labdeck.preview.PreviewLinks;
import io.labdeck.sandbox.SandboxPorts;

/**
 * One look at a session's ports: what listens (the {@link SandboxPorts} SPI), a probe of each reachable port that is
 * due (all at once, each bounded; a look may leave slow ones running), and the links that makes.
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

    /** The session's links now, waiting for its due probes as long as one may take (they run in parallel). */
    List<PortView> scan(PortTarget target, ProbeMemory memory) {
        return scan(target, memory, config.probeTimeout().multipliedBy(2).plusMillis(100));
    }

    /**
     * The session's links now, waiting at most {@code wait} for its due probes: a probe still waiting then goes on,
     * and what it finds is in a later scan's links.
     */
    List<PortView> scan(PortTarget target, ProbeMemory memory, Duration wait) {
        List<ListeningPort> listening = ports.listening(target.sandbox()).stream()
                .filter(p -> target.policy().allows(p.port())).toList();
        memory.keepOnly(listening);
        Instant now = clock.instant();
        List<CompletableFuture<Void>> probes = memory.due(listening, now).stream().map(p -> {
            memory.started(p);
            return probe(target, p).thenAccept(found -> memory.remember(p, found, now));
        }).toList();
        try {
            CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)).get(wait.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Slow probes land in a later scan; the list of ports does not wait for them.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return PortStates.views(listening, memory.probes(), target.policy(),
                p -> links.preferred(target.sessionId(), p));
    }

    private CompletableFuture<Probe> probe(PortTarget target, ListeningPort port) {
        if (target.address().isEmpty()) {
            return CompletableFuture.completedFuture(Probe.fails("no-address", "the sandbox has no address Labdeck"
                    + " can reach"));
        }
        return prober.probe(target.address().get(), port.port());
    }
}
