package io.labdeck.sandbox.docker;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import com.github.dockerjava.api.DockerClient;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;

/**
 * The exec agents of the running sandboxes, started on a sandbox's first eligible request. Eligible: a probe (a
 * check) run by {@code sh -c} with the container's user and working directory. Setups and solves may start servers
 * that hold their output open, which a plain exec handles, so they take that path; so does anything else, and any
 * request that finds the agent busy or dead. A probe whose agent dies mid-way falls back too: probes only look.
 */
final class ExecAgents {

    private static final Logger LOG = Logger.getLogger(ExecAgents.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The agent runs scripts as one argument (at most 128 KiB, less the environment): longer ones take a plain exec. */
    private static final int MAX_SCRIPT = 100 * 1024;

    private final DockerClient docker;
    private final Map<String, ExecAgent> agents = new ConcurrentHashMap<>();
    /** Sandboxes whose image has no agent (one died before its first answer): plain execs only. */
    private final Set<String> without = ConcurrentHashMap.newKeySet();

    ExecAgents(DockerClient docker) {
        this.docker = docker;
    }

    Optional<ExecResult> run(String containerId, SandboxMode mode, ExecRequest request) {
        Optional<String> script = script(request);
        if (script.isEmpty() || without.contains(containerId)) {
            return Optional.empty();
        }
        // Agents of sandboxes removed behind our back (the reaper, a restart) have ended: forget them, closing their
        // streams (a given-up agent's stream may still be open, holding a thread and a connection).
        agents.entrySet().removeIf(e -> {
            boolean gone = !e.getValue().alive() && !e.getKey().equals(containerId);
            if (gone) {
                e.getValue().close();
            }
            return gone;
        });
        ExecAgent agent = agents.compute(containerId, (id, a) -> a != null && a.alive() ? a : start(id, mode, a));
        if (agent == null) {
            return Optional.empty();
        }
        Optional<ExecResult> result = agent.run(request, script.get());
        if (result.isEmpty() && agent.missing()) {
            without.add(containerId);
        }
        return result;
    }

    void close(String containerId) {
        without.remove(containerId);
        Optional.ofNullable(agents.remove(containerId)).ifPresent(ExecAgent::close);
    }

    void closeAll() {
        agents.keySet().forEach(this::close);
    }

    private ExecAgent start(String containerId, SandboxMode mode, ExecAgent dead) {
        if (dead != null) {
            dead.close();
        }
        try {
            return ExecAgent.start(docker, containerId, mode);
        } catch (RuntimeException e) {
            LOG.debugf("no exec agent in %s: %s", containerId, e);
            return null;
        }
    }

    /** The script with the request's environment exported first, if the request suits the agent. */
    private static Optional<String> script(ExecRequest request) {
        var argv = request.argv();
        if (!request.probe() || argv.size() != 3 || argv.get(2).length() > MAX_SCRIPT || !argv.get(0).equals("sh") || !argv.get(1).equals("-c") || request.user().isPresent()
                || request.workdir().isPresent()
                || !request.env().keySet().stream().allMatch(k -> NAME.matcher(k).matches())) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        request.env().forEach((k, v) -> text.append("export ").append(k).append("='")
                .append(v.replace("'", "'\\''")).append("'\n"));
        return Optional.of(text.append(argv.get(2)).toString());
    }
}
