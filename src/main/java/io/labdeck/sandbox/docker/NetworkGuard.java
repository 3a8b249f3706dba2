package io.labdeck.sandbox.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;

/**
 * Keeps the engine host's firewall closed to sandboxes (firewall.sh): a sandbox reaches the registry door's ports on
 * the host and nothing else of it, and never another sandbox. The rules are set by a short-lived container on the
 * host's network with NET_ADMIN, so they land on the engine's host even when Labdeck runs elsewhere. Each run
 * rebuilds them whole and atomically. They are never removed: sandboxes outlive a Labdeck restart, and must stay
 * closed meanwhile.
 */
final class NetworkGuard {

    private static final Logger LOG = Logger.getLogger(NetworkGuard.class);
    private static final String SCRIPT = load();
    private static final long WAIT_SECONDS = 30;

    private final DockerClient docker;
    private final String image;
    /** This installation's door chain: its own accept rules, refreshed at every run, apart from other Labdecks'. */
    private final String door;
    private volatile String failure = "the firewall has not been set yet";

    NetworkGuard(DockerClient docker, String image, String owner) {
        this.docker = docker;
        this.image = image;
        this.door = "LD-DOOR-" + String.format("%08x", owner.hashCode());
    }

    /** Whether the rules were in place at the last look; if not, why. */
    java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /** Sets the rules for these door ports (idempotent); returns whether they are in place. */
    synchronized boolean ensure(Set<Integer> doorPorts) {
        String ports = doorPorts.stream().sorted().map(String::valueOf).collect(Collectors.joining(" "));
        String id = null;
        try {
            HostConfig host = HostConfig.newHostConfig().withNetworkMode("host").withCapAdd(Capability.NET_ADMIN,
                    Capability.NET_RAW).withBinds(Bind.parse("/run:/host-run")).withAutoRemove(false);
            id = docker.createContainerCmd(image).withCmd("sh", "-c", SCRIPT).withEnv("PORTS=" + ports,
                    "DOOR=" + door, "NOW=" + java.time.Instant.now().getEpochSecond())
                    .withLabels(Map.of(DockerLabels.PLATFORM, "labdeck", DockerLabels.ROLE, "firewall"))
                    .withUser("0:0").withHostConfig(host).exec().getId();
            docker.startContainerCmd(id).exec();
            Integer code = docker.waitContainerCmd(id).start().awaitStatusCode(WAIT_SECONDS, TimeUnit.SECONDS);
            String output = logs(id);
            if (code != null && code == 0) {
                if (failure != null) {
                    LOG.infof("Sandbox firewall in place (door ports %s): %s", ports, output.lines().findFirst()
                            .orElse(""));
                }
                failure = null;
                return true;
            }
            fail("the firewall container exited with " + code + ": " + output.strip());
        } catch (NotFoundException e) {
            fail("its image " + image + " is missing (deploy/images/build-images.sh sandbox builds it)");
        } catch (RuntimeException e) {
            fail(e.toString());
        } finally {
            if (id != null) {
                try {
                    docker.removeContainerCmd(id).withForce(true).exec();
                } catch (RuntimeException e) {
                    LOG.debugf("firewall container %s: %s", id, e);
                }
            }
        }
        return false;
    }

    private void fail(String why) {
        if (!why.equals(failure)) {
            LOG.errorf("Sandboxes cannot be closed off from the host: %s. No sandbox starts until this is fixed"
                    + " (see docs/security.md).", why);
        }
        failure = why;
    }

    private String logs(String id) {
        StringBuilder text = new StringBuilder();
        try (var callback = new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }) {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(callback).awaitCompletion(10,
                    TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            text.append("(logs: ").append(e.getMessage()).append(')');
        }
        return text.toString();
    }

    private static String load() {
        try (InputStream in = NetworkGuard.class.getResourceAsStream("firewall.sh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("firewall.sh is missing from the build", e));
        }
    }
}
