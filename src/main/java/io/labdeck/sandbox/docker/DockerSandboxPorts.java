package io.labdeck.sandbox.docker;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.ListeningPort;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxPorts;
import io.labdeck.sandbox.SandboxRef;

/**
 * A sandbox's listening ports from its socket tables. Where Labdeck shares the engine's host and the sandbox runs on
 * the host's kernel, they are read from the host's {@code /proc} for the container's init (the sandbox's network
 * namespace) and, in a rootless Docker lab, for the engine's namespaces' process: file reads, no command run in the
 * sandbox. A socket table costs milliseconds to read (the kernel walks its host-wide connection table: 7-9 ms per
 * file here), its namespace's socket counts a tenth of a millisecond, so the tables are read again only when the
 * counts change (or every {@link #FULL_READ}). Otherwise (gVisor's own kernel, a remote engine, Labdeck in a container of its own, or not allowed
 * to follow the process tree) one short probe in the sandbox reads the same tables: {@code /proc/1/net} is the
 * sandbox's namespace seen from anywhere in it, {@code /proc/self/net} the namespace the probe runs in, which is the
 * engine's in a rootless sandbox.
 */
@ApplicationScoped
public class DockerSandboxPorts implements SandboxPorts {

    private static final Logger LOG = Logger.getLogger(DockerSandboxPorts.class);
    /** Runtimes whose containers are host processes on the host's kernel. */
    private static final Set<String> HOST_KERNEL = Set.of("", "runc", "io.containerd.runc.v2", "crun", "sysbox-runc");
    static final String ENGINE_MARK = "@labdeck-engine";
    static final String PROBE = "cat /proc/1/net/tcp /proc/1/net/tcp6 2>/dev/null; echo " + ENGINE_MARK
            + "; cat /proc/self/net/tcp /proc/self/net/tcp6 2>/dev/null";
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(5);
    private static final Duration FORGET = Duration.ofMinutes(2);
    /**
     * The socket tables are read again when a namespace's TCP socket counts change, and at least this often: a
     * server replaced by another on a different port within one look (the counts unchanged) shows by then.
     */
    private static final Duration FULL_READ = Duration.ofSeconds(5);

    /** How a sandbox's tables are read: from the host (its init, and the engine's process once found) or by exec. */
    private sealed interface Where permits OnHost, ByExec {
    }

    private record OnHost(HostProc.Proc init, boolean rootless, Optional<HostProc.Proc> engine) implements Where {
    }

    private record ByExec() implements Where {
    }

    /** The last full read of a sandbox's tables, and the socket counts it was made at. */
    private record Read(String counts, List<ListeningPort> ports, long at) {
    }

    private final Map<String, Read> reads = new ConcurrentHashMap<>();
    private final DockerClient docker;
    private final DockerSandboxProvisioner sandboxes;
    private final HostProc proc;
    private final Map<String, Where> where = new ConcurrentHashMap<>();
    /** When each sandbox was last asked about: ones not asked about for a while (ended) are forgotten. */
    private final Map<String, Long> asked = new ConcurrentHashMap<>();
    private volatile long pruned = System.nanoTime();

    @jakarta.inject.Inject
    public DockerSandboxPorts(DockerClient docker, DockerSandboxProvisioner sandboxes) {
        this(docker, sandboxes, Path.of("/proc"));
    }

    /** With another /proc: one that is not the host's makes every sandbox's ports read by a probe. */
    DockerSandboxPorts(DockerClient docker, DockerSandboxProvisioner sandboxes, Path proc) {
        this.docker = docker;
        this.sandboxes = sandboxes;
        this.proc = new HostProc(proc);
    }

    /** How the sandbox's ports were last read: {@code host}, {@code exec}, or {@code none} yet (for tests). */
    String how(SandboxRef sandbox) {
        return switch (where.get(sandbox.id())) {
            case OnHost host -> "host";
            case ByExec exec -> "exec";
            case null -> "none";
        };
    }

    @Override
    public List<ListeningPort> listening(SandboxRef sandbox) {
        prune();
        asked.put(sandbox.id(), System.nanoTime());
        Where w = where.get(sandbox.id());
        if (w instanceof OnHost host && !proc.alive(host.init())) {
            w = null;
        }
        if (w == null) {
            Optional<Where> found = locate(sandbox);
            if (found.isEmpty()) {
                where.remove(sandbox.id());
                return List.of();
            }
            w = found.get();
            where.put(sandbox.id(), w);
        }
        return switch (w) {
            case OnHost host -> fromHost(sandbox, host);
            case ByExec exec -> byExec(sandbox);
        };
    }

    /** Where to read the sandbox's tables; empty when it is not running. */
    private Optional<Where> locate(SandboxRef sandbox) {
        InspectContainerResponse c;
        try {
            c = docker.inspectContainerCmd(sandbox.id()).exec();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        if (!Boolean.TRUE.equals(c.getState().getRunning()) || c.getState().getPidLong() == null) {
            return Optional.empty();
        }
        String runtime = Optional.ofNullable(c.getHostConfig().getRuntime()).orElse("");
        boolean rootless = sandboxes.mode(sandbox) == SandboxMode.ROOTLESS;
        Optional<HostProc.Proc> init = HOST_KERNEL.contains(runtime)
                ? proc.init(c.getState().getPidLong().intValue(), c.getId()) : Optional.empty();
        if (init.isEmpty() || rootless && !proc.readable(init.get())) {
            LOG.debugf("ports of %s: read by a probe in the sandbox (runtime '%s', host /proc %s)", sandbox.id(),
                    runtime, init.isPresent() ? "not followable" : "not the engine's");
            return Optional.of(new ByExec());
        }
        return Optional.of(new OnHost(init.get(), rootless, Optional.empty()));
    }

    private List<ListeningPort> fromHost(SandboxRef sandbox, OnHost host) {
        Optional<HostProc.Proc> engine = Optional.empty();
        if (host.rootless()) {
            engine = host.engine().filter(proc::alive).or(() -> proc.rootlessChild(host.init()));
            if (!engine.equals(host.engine())) {
                where.put(sandbox.id(), new OnHost(host.init(), true, engine));
            }
        }
        try {
            String counts = proc.tcpInUse(host.init()) + engine.map(e -> "|" + e.pid()).orElse("");
            if (engine.isPresent()) {
                counts += ":" + proc.tcpInUse(engine.get());
            }
            long now = System.nanoTime();
            Read last = reads.get(sandbox.id());
            if (last != null && last.counts().equals(counts) && now - last.at() < FULL_READ.toNanos()) {
                return last.ports();
            }
            var own = ProcNetTcp.listening(proc.sockets(host.init()), ByteOrder.nativeOrder());
            var inner = engine.isEmpty() ? List.<ProcNetTcp.Socket>of()
                    : ProcNetTcp.listening(proc.sockets(engine.get()), ByteOrder.nativeOrder());
            List<ListeningPort> ports = ProcNetTcp.ports(own, inner);
            reads.put(sandbox.id(), new Read(counts, ports, now));
            return ports;
        } catch (IOException e) {
            // The process ended between the check and the read: the next call looks again.
            where.remove(sandbox.id());
            return List.of();
        }
    }

    private List<ListeningPort> byExec(SandboxRef sandbox) {
        ExecResult result = sandboxes.exec(sandbox, ExecRequest.shell(PROBE, PROBE_DEADLINE).asProbe());
        if (result.exitCode() != 0 && result.stdout().isBlank()) {
            throw new SandboxFailedException("The sandbox's ports could not be read.", "probe: " + result);
        }
        return parseProbe(result.stdout(), ByteOrder.nativeOrder());
    }

    /** The probe's output: the sandbox's namespace's tables, the mark, then the probe's own namespace's. */
    static List<ListeningPort> parseProbe(String out, ByteOrder order) {
        int mark = out.indexOf(ENGINE_MARK);
        String own = mark < 0 ? out : out.substring(0, mark);
        String inner = mark < 0 ? "" : out.substring(mark + ENGINE_MARK.length());
        return ProcNetTcp.ports(ProcNetTcp.listening(own, order), ProcNetTcp.listening(inner, order));
    }

    private void prune() {
        long now = System.nanoTime();
        if (now - pruned > FORGET.toNanos()) {
            pruned = now;
            asked.entrySet().removeIf(e -> {
                boolean stale = now - e.getValue() > FORGET.toNanos();
                if (stale) {
                    where.remove(e.getKey());
                    reads.remove(e.getKey());
                }
                return stale;
            });
        }
    }
}
