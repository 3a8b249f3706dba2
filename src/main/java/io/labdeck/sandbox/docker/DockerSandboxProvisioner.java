package io.labdeck.sandbox.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.transport.DockerHttpClient;

import io.labdeck.platform.RegistryConfig;
import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.Sandbox;
import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.SandboxRequest;
import io.labdeck.sandbox.SandboxResource;
import io.labdeck.sandbox.SandboxState;
import io.labdeck.sandbox.SandboxStats;
import io.labdeck.sandbox.TtyOutput;
import io.labdeck.sandbox.TtyRequest;
import io.labdeck.sandbox.TtySession;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Sandboxes as Docker containers, each with its own network and volumes, all labelled with its session, behind the
 * host firewall that {@link NetworkGuard} keeps. Docker labs get a rootless engine unless the platform trusts its
 * learners with another mode.
 */
@ApplicationScoped
public class DockerSandboxProvisioner implements SandboxProvisioner {

    private static final Logger LOG = Logger.getLogger(DockerSandboxProvisioner.class);

    private final DockerClient docker;
    private final DockerHttpClient http;
    private final SandboxConfig config;
    private final DockerExecutor executor;
    private final DockerResources resources;
    private final ExecAgents agents;
    private final NetworkGuard guard;
    private final DockerInspector inspector;
    private final Set<Integer> doorPorts;
    /** Starts the terminal containers beside sandboxes getting ready. */
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    /** The mode of each sandbox container, read from its label once. */
    private final Map<String, SandboxMode> modes = new ConcurrentHashMap<>();

    public DockerSandboxProvisioner(DockerClient docker, DockerHttpClient http, SandboxConfig config,
            RegistryConfig registry) {
        this.docker = docker;
        this.http = http;
        this.config = config;
        this.executor = new DockerExecutor(docker);
        this.resources = new DockerResources(docker, config.owner(), new SandboxNetworks(docker, config.networkPool()));
        this.agents = new ExecAgents(docker);
        this.guard = new NetworkGuard(docker, config.firewallImage(), config.owner());
        this.inspector = new DockerInspector(docker);
        this.doorPorts = Set.of(registry.port(), registry.mirrorPort());
    }

    /** The firewall at startup, and again every minute: a restarted engine host may have lost it. */
    void secure(@Observes StartupEvent event) {
        TrustedModes.warn(config);
        if (!config.firewall()) {
            LOG.warn("labdeck.sandbox.firewall=false: Labdeck does not close the host to sandboxes; they can reach"
                    + " its HTTP port unless the operator's own rules stop them (docs/security.md).");
            return;
        }
        guard.ensure(doorPorts);
    }

    @Scheduled(every = "${labdeck.sandbox.firewall-interval:60s}", delayed = "60s")
    void recheckFirewall() {
        if (config.firewall()) {
            guard.ensure(doorPorts);
        }
    }

    @Override
    public Sandbox create(SandboxRequest request) {
        long started = System.nanoTime();
        TrustedModes.refuse(request, config);
        if (config.firewall() && guard.failure().isPresent() && !guard.ensure(doorPorts)) {
            throw new SandboxFailedException("The sandbox's network cannot be closed off on this server.",
                    guard.failure().orElse(""));
        }
        requireImage(request.image());
        SandboxMode mode = SandboxMode.of(request, config);
        SandboxRef ref = null;
        CompletableFuture<Void> terminal = CompletableFuture.completedFuture(null);
        try {
            ref = new SandboxRef(request.sessionId(), resources.createContainer(request, config, mode));
            modes.put(ref.id(), mode);
            LOG.debugf("sandbox of %s: network, volumes and container made and started in %d ms",
                    request.sessionId(), (System.nanoTime() - started) / 1_000_000);
            // The terminal container starts while the sandbox gets ready (a rootless engine takes seconds).
            terminal = CompletableFuture.runAsync(() -> resources.startTerminal(request), background);
            new SandboxReadiness(executor, config).await(ref, request, mode);
            joinTerminal(terminal);
        } catch (SandboxFailedException e) {
            // The learner sees the message; the operator needs the detail (the engine's log, the failed command).
            LOG.warnf("sandbox of %s failed to start: %s%n%s", request.sessionId(), e.getMessage(), e.detail());
            forget(request.sessionId(), ref, terminal);
            throw e;
        } catch (RuntimeException e) {
            forget(request.sessionId(), ref, terminal);
            throw new SandboxFailedException("The sandbox could not be started.", e.toString(), e);
        }
        return new Sandbox(ref, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void joinTerminal(CompletableFuture<Void> terminal) {
        try {
            terminal.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new SandboxFailedException("The sandbox's terminal could not be started.", e.getCause().toString(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new SandboxFailedException("The sandbox's terminal did not start in 30 s.", e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxFailedException("Interrupted while the sandbox's terminal started.", e.toString(), e);
        }
    }

    /** A failed start: nothing of it stays, on the engine or here (the terminal container may still be starting). */
    private void forget(String sessionId, SandboxRef ref, CompletableFuture<Void> terminal) {
        try {
            terminal.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debugf("the terminal container of %s: %s", sessionId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        resources.removeSession(sessionId);
        if (ref != null) {
            modes.remove(ref.id());
            agents.close(ref.id());
        }
    }

    /** How the sandbox runs (its label, read once): where its commands run. */
    SandboxMode mode(SandboxRef sandbox) {
        return modes.computeIfAbsent(sandbox.id(), id -> {
            try {
                var labels = docker.inspectContainerCmd(id).exec().getConfig().getLabels();
                return SandboxMode.label(labels == null ? null : labels.get(DockerLabels.MODE));
            } catch (NotFoundException e) {
                return SandboxMode.PLAIN;
            }
        });
    }

    private void requireImage(String image) {
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new SandboxFailedException("The sandbox image '" + image + "' is not available on this server.",
                    "build it with deploy/images/build-images.sh");
        }
    }

    @Override
    public ExecResult exec(SandboxRef sandbox, ExecRequest request) {
        SandboxMode mode = mode(sandbox);
        if (config.execAgent()) {
            return agents.run(sandbox.id(), mode, request).orElseGet(() -> executor.exec(sandbox.id(), mode, request));
        }
        return executor.exec(sandbox.id(), mode, request);
    }

    @jakarta.annotation.PreDestroy
    void closeAgents() {
        agents.closeAll();
        background.shutdownNow();
    }

    @Override
    public TtySession openTty(SandboxRef sandbox, TtyRequest request, TtyOutput output) {
        return DockerTty.open(docker, http, sandbox.sessionId(), sandbox.id(), mode(sandbox), request, output);
    }

    @Override
    public SandboxState inspect(SandboxRef sandbox) {
        return inspector.state(sandbox.id());
    }

    @Override
    public SandboxStats stats(SandboxRef sandbox) {
        return inspector.stats(sandbox.id());
    }

    @Override
    public void stop(SandboxRef sandbox) {
        try {
            docker.stopContainerCmd(sandbox.id()).withTimeout(5).exec();
        } catch (NotFoundException | com.github.dockerjava.api.exception.NotModifiedException e) {
            LOG.debugf("stop %s: already stopped or gone", sandbox.id());
        }
    }

    @Override
    public void destroy(SandboxRef sandbox) {
        agents.close(sandbox.id());
        modes.remove(sandbox.id());
        resources.removeSession(sandbox.sessionId());
    }

    @Override
    public List<SandboxResource> list() {
        return resources.list();
    }

    @Override
    public void remove(SandboxResource resource) {
        resources.remove(resource);
    }

    @Override
    public Optional<String> networkProblem() {
        return config.firewall() ? guard.failure() : Optional.empty();
    }

    @Override
    public boolean available() {
        try {
            docker.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
