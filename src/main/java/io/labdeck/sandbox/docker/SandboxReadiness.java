package io.labdeck.sandbox.docker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.SandboxRequest;

/**
 * Waits until a new sandbox can be used: its processes run, its inner engine answers when it has one, the request's
 * files are written where the learner works, and the lab's setup has run. Every wait is bounded.
 */
final class SandboxReadiness {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(SandboxReadiness.class);

    private static final Duration POLL = Duration.ofMillis(50);
    /**
     * {@code sh -c UP labdeck-ready SOCKET COMMAND...}: waits until the inner engine answers {@code /_ping} on its
     * SOCKET (none: no engine), then runs COMMAND. dockerd serves its API only once its initialisation is complete,
     * so that is the engine ready; curl asks in a few ms where {@code docker info} takes about 200 ms. Images without
     * curl fall back to {@code docker info}. A rootless engine's socket is visible outside its namespaces, so the wait
     * runs as the sandbox's own user.
     */
    private static final String UP = "s=$1; shift; if [ -n \"$s\" ]; then if command -v curl >/dev/null 2>&1; then"
            + " until curl -sf --unix-socket \"$s\" -o /dev/null http://engine/_ping 2>/dev/null; do sleep 0.02; done;"
            + " else until [ -S \"$s\" ] && DOCKER_HOST=unix://$s docker info >/dev/null 2>&1; do sleep 0.02; done;"
            + " fi; fi; exec \"$@\"";
    /**
     * Run where the learner works once the sandbox is up. In a rootless sandbox: the usual socket path (tools that
     * ignore DOCKER_HOST look there), and without internet egress a resolver that refuses at once, as there is
     * nothing to resolve (slirp4netns's would wait 20 s for one it cannot reach). Then each file from
     * LABDECK_FILE_<n> to $HOME/LABDECK_PATH_<n>, private.
     */
    private static final String PREPARE = "set -e; if [ \"${LABDECK_DOCKER:-}\" = rootless ]; then"
            + " [ -e /run/docker.sock ] || ln -s \"${DOCKER_HOST#unix://}\" /run/docker.sock;"
            + " [ \"${LABDECK_EGRESS:-}\" = internet ] || { rm -f /etc/resolv.conf;"
            + " printf '%s\\n' '# no DNS: this sandbox reaches only the registry' 'nameserver 127.0.0.1'"
            + " > /etc/resolv.conf; }; fi; i=0;"
            + " while [ \"$i\" -lt \"$LABDECK_FILES\" ]; do eval \"p=\\$LABDECK_PATH_$i c=\\$LABDECK_FILE_$i\";"
            + " mkdir -p \"$(dirname \"$HOME/$p\")\"; (umask 077; printf '%s' \"$c\" > \"$HOME/$p\");"
            + " i=$((i + 1)); done";

    private final DockerExecutor executor;
    private final SandboxConfig config;

    SandboxReadiness(DockerExecutor executor, SandboxConfig config) {
        this.executor = executor;
        this.config = config;
    }

    void await(SandboxRef ref, SandboxRequest request, SandboxMode mode) {
        long started = System.nanoTime();
        long deadline = started + config.startTimeout().toNanos();
        // One exec that waits inside the sandbox (a docker exec per poll costs 100 ms or more), then prepares it.
        ExecResult ready = until(ref, up(request, mode, Duration.ofNanos(Math.max(deadline - started,
                1_000_000_000L))), deadline);
        if (!ready.succeeded()) {
            throw request.docker() ? engineFailed(ref, ready, mode)
                    : new SandboxFailedException("The sandbox started but cannot run commands.", ready.stderr());
        }
        long readyAt = System.nanoTime();
        request.setup().filter(s -> !s.isBlank()).ifPresent(script -> setup(ref, mode, script));
        LOG.debugf("sandbox of %s: %s in %d ms, setup %d ms", request.sessionId(),
                request.docker() ? "inner engine answered" : "shell ran", (readyAt - started) / 1_000_000,
                (System.nanoTime() - readyAt) / 1_000_000);
    }

    /** The wait for the engine (if any), then the preparation where the learner works, in one exec. */
    private static ExecRequest up(SandboxRequest request, SandboxMode mode, Duration limit) {
        Map<String, String> env = new HashMap<>();
        List<String> paths = new ArrayList<>(request.files().keySet());
        env.put("LABDECK_FILES", Integer.toString(paths.size()));
        for (int i = 0; i < paths.size(); i++) {
            env.put("LABDECK_PATH_" + i, paths.get(i));
            env.put("LABDECK_FILE_" + i, request.files().get(paths.get(i)));
        }
        String socket = switch (mode) {
            case ROOTLESS -> ContainerSpec.ROOTLESS_SOCKET;
            case ROOT_ENGINE -> "/var/run/docker.sock";
            case PLAIN -> "";
        };
        List<String> argv = new ArrayList<>(List.of("sh", "-c", UP, "labdeck-ready", socket));
        argv.addAll(mode.where(List.of("sh", "-c", PREPARE)));
        return new ExecRequest(argv, env, Optional.empty(), Optional.empty(), limit, ExecRequest.DEFAULT_MAX_OUTPUT);
    }

    private SandboxFailedException engineFailed(SandboxRef ref, ExecResult wait, SandboxMode mode) {
        ExecResult log = executor.execHere(ref.id(), ExecRequest.shell("tail -n 20 /var/log/dockerd.log",
                Duration.ofSeconds(5)));
        if (!log.succeeded() && wait.exitCode() >= 126) {
            return new SandboxFailedException("The sandbox started but cannot run commands.", wait.stderr());
        }
        String hint = mode == SandboxMode.ROOTLESS && log.stdout().contains("tun")
                ? "\n(the engine's host must let every user open /dev/net/tun: chmod 0666 /dev/net/tun)" : "";
        return new SandboxFailedException("The Docker engine inside the sandbox did not start.",
                wait.stderr() + "\n" + log.stdout() + hint);
    }

    private ExecResult until(SandboxRef ref, ExecRequest probe, long deadline) {
        while (true) {
            ExecResult result;
            try {
                result = executor.execHere(ref.id(), probe);
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

    private void setup(SandboxRef ref, SandboxMode mode, String script) {
        ExecResult result = executor.exec(ref.id(), mode, new ExecRequest(List.of("sh", "-c", script), Map.of(),
                Optional.empty(), Optional.empty(), config.setupTimeout(), ExecRequest.DEFAULT_MAX_OUTPUT));
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
