package io.labdeck.sandbox.docker;

import java.time.Duration;
import java.util.List;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.SandboxRequest;

/**
 * Waits until a new sandbox can be used: its processes run, its inner engine answers when it has one, and the lab's
 * setup has run. Every wait is bounded.
 */
final class SandboxReadiness {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SandboxReadiness.class);

    private static final Duration POLL = Duration.ofMillis(50);
    /**
     * Waits until the inner engine answers {@code /_ping} on its socket. dockerd serves its API only once its
     * initialisation is complete, so that is the engine ready; curl asks in a few ms where {@code docker info} takes
     * about 200 ms. Images without curl fall back to {@code docker info}.
     */
    private static final String INNER_ENGINE_WAIT = "if command -v curl >/dev/null 2>&1; then"
            + " until curl -sf --unix-socket /var/run/docker.sock -o /dev/null http://engine/_ping 2>/dev/null;"
            + " do sleep 0.02; done; else"
            + " until [ -S /var/run/docker.sock ] && docker info >/dev/null 2>&1; do sleep 0.02; done; fi";

    private final DockerExecutor executor;
    private final SandboxConfig config;

    SandboxReadiness(DockerExecutor executor, SandboxConfig config) {
        this.executor = executor;
        this.config = config;
    }

    void await(SandboxRef ref, SandboxRequest request) {
        long started = System.nanoTime();
        long deadline = started + config.startTimeout().toNanos();
        // With Docker inside, waiting for the inner engine also proves that commands run: one exec that waits
        // inside the sandbox, as a docker exec per poll costs 100 ms or more.
        ExecRequest probe = request.docker()
                ? ExecRequest.shell(INNER_ENGINE_WAIT, Duration.ofNanos(Math.max(deadline - started, 1_000_000_000L)))
                : ExecRequest.shell("true", Duration.ofSeconds(5));
        ExecResult ready = until(ref, probe, deadline);
        if (!ready.succeeded()) {
            throw request.docker() ? engineFailed(ref, ready)
                    : new SandboxFailedException("The sandbox started but cannot run commands.", ready.stderr());
        }
        long readyAt = System.nanoTime();
        request.setup().filter(s -> !s.isBlank()).ifPresent(script -> setup(ref, script));
        LOG.debugf("sandbox of %s: %s in %d ms, setup %d ms", request.sessionId(),
                request.docker() ? "inner engine answered" : "shell ran", (readyAt - started) / 1_000_000,
                (System.nanoTime() - readyAt) / 1_000_000);
    }

    private SandboxFailedException engineFailed(SandboxRef ref, ExecResult wait) {
        ExecResult log = executor.exec(ref.id(), ExecRequest.shell("tail -n 20 /var/log/dockerd.log",
                Duration.ofSeconds(5)));
        if (!log.succeeded() && wait.exitCode() >= 126) {
            return new SandboxFailedException("The sandbox started but cannot run commands.", wait.stderr());
        }
        return new SandboxFailedException("The Docker engine inside the sandbox did not start.",
                wait.stderr() + "\n" + log.stdout());
    }

    private ExecResult until(SandboxRef ref, ExecRequest probe, long deadline) {
        while (true) {
            ExecResult result;
            try {
                result = executor.exec(ref.id(), probe);
            } catch (SandboxFailedException e) {
                result = new ExecResult(126, "", e.detail(), false, false, Duration.ZERO);
            }
            if (result.succeeded() || System.nanoTime() > deadline) {
                return result;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
        }
    }

    private void setup(SandboxRef ref, String script) {
        ExecResult result = executor.exec(ref.id(), new ExecRequest(List.of("sh", "-c", script), java.util.Map.of(),
                java.util.Optional.empty(), java.util.Optional.empty(), config.setupTimeout(),
                ExecRequest.DEFAULT_MAX_OUTPUT));
        if (!result.succeeded()) {
            String output = (result.stdout() + result.stderr()).strip();
            String tail = output.lines().skip(Math.max(0, output.lines().count() - 10)).reduce((a, b) -> a + "\n" + b)
                    .orElse("");
            throw new SandboxFailedException(result.timedOut()
                    ? "The lab's setup script did not finish within " + config.setupTimeout().toSeconds() + " s."
                    : "The lab's setup script failed (exit " + result.exitCode() + ")" + (tail.isEmpty() ? "."
                            : ": " + tail), output);
        }
    }
}
