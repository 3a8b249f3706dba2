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

    private static final Duration POLL = Duration.ofMillis(50);
    /** Waits for the inner engine's socket, then for {@code docker info} to answer through it. */
    private static final String INNER_ENGINE_WAIT = "until [ -S /var/run/docker.sock ] && docker info >/dev/null 2>&1;"
            + " do sleep 0.02; done";

    private final DockerExecutor executor;
    private final SandboxConfig config;

    SandboxReadiness(DockerExecutor executor, SandboxConfig config) {
        this.executor = executor;
        this.config = config;
    }

    void await(SandboxRef ref, SandboxRequest request) {
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        ExecResult shell = until(ref, ExecRequest.shell("true", Duration.ofSeconds(5)), deadline);
        if (!shell.succeeded()) {
            throw new SandboxFailedException("The sandbox started but cannot run commands.", shell.stderr());
        }
        if (request.docker()) {
            // One exec that waits inside the sandbox: a docker exec per poll would cost 100 ms or more each.
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L));
            ExecResult info = until(ref, ExecRequest.shell(INNER_ENGINE_WAIT, left), deadline);
            if (!info.succeeded()) {
                ExecResult log = executor.exec(ref.id(), ExecRequest.shell("tail -n 20 /var/log/dockerd.log",
                        Duration.ofSeconds(5)));
                throw new SandboxFailedException("The Docker engine inside the sandbox did not start.",
                        info.stderr() + "\n" + log.stdout());
            }
        }
        request.setup().filter(s -> !s.isBlank()).ifPresent(script -> setup(ref, script));
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
