package io.labdeck.sandbox.docker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

import io.labdeck.lab.LabService;
import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.Egress;
import io.labdeck.sandbox.Sandbox;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRequest;
import io.labdeck.session.lifecycle.SandboxRequestFactory;
import io.labdeck.session.SessionIds;

/**
 * Sandboxes made as sessions make them (the real request of a fixture lab), for the isolation tests, and ways to run
 * commands in them: where the learner works (the SPI), or as the container's own user (docker exec, for what the
 * sandbox's real user may do).
 */
@ApplicationScoped
class TestSandboxes {

    private final SandboxProvisioner sandboxes;
    private final SandboxRequestFactory requests;
    private final LabService labs;
    private final DockerClient docker;
    private final List<Sandbox> made = new ArrayList<>();

    TestSandboxes(SandboxProvisioner sandboxes, SandboxRequestFactory requests, LabService labs, DockerClient docker) {
        this.sandboxes = sandboxes;
        this.requests = requests;
        this.labs = labs;
        this.docker = docker;
    }

    /** A sandbox of the lab: dind-fixture has a rootless engine inside, check-fixture is plain busybox. */
    Sandbox start(String labId) {
        Sandbox sandbox = sandboxes.create(requests.request(SessionIds.next(), labs.lab(labId)));
        made.add(sandbox);
        return sandbox;
    }

    /** A sandbox of the lab with another egress than the platform would give it (it caps labs at registry). */
    Sandbox start(String labId, Egress egress) {
        SandboxRequest r = requests.request(SessionIds.next(), labs.lab(labId));
        Sandbox sandbox = sandboxes.create(new SandboxRequest(r.sessionId(), r.labId(), r.image(), r.docker(),
                r.limits(), r.env(), r.setup(), r.hosts(), egress, r.files()));
        made.add(sandbox);
        return sandbox;
    }

    /** Runs a script where the learner works: as root in the rootless engine's namespaces, or as root. */
    ExecResult asLearner(Sandbox sandbox, String script, int seconds) {
        return sandboxes.exec(sandbox.ref(), ExecRequest.shell(script, Duration.ofSeconds(seconds)));
    }

    /** Runs a script as the container's own user (uid 1000 in a rootless sandbox), outside the learner's namespaces. */
    String asContainerUser(Sandbox sandbox, String script) {
        String exec = docker.execCreateCmd(sandbox.ref().id()).withCmd("sh", "-c", script).withAttachStdout(true)
                .withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();
        try (var callback = new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }) {
            docker.execStartCmd(exec).exec(callback).awaitCompletion(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The sandbox's address on its own network, and the host's there (its gateway). */
    Map<String, String> addresses(Sandbox sandbox) {
        var network = docker.inspectContainerCmd(sandbox.ref().id()).exec().getNetworkSettings().getNetworks()
                .values().iterator().next();
        return Map.of("self", network.getIpAddress(), "gateway", network.getGateway());
    }

    void destroyAll() {
        made.forEach(s -> sandboxes.destroy(s.ref()));
        made.clear();
    }
}
