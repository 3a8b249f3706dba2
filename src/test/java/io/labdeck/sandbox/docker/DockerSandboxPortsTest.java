package io.labdeck.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.dockerjava.api.DockerClient;

import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.ListeningPort;
import io.labdeck.sandbox.ListeningPort.Scope;
import io.labdeck.sandbox.Sandbox;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rootless Docker sandbox's listening ports on the real engine, read from the host's /proc and, as on gVisor or a
 * remote engine, by a probe in the sandbox: both say the same. A published container port is reachable, a server in
 * the learner's shell is the engine's only, one on 127.0.0.1 of the sandbox is loopback.
 */
@QuarkusTest
class DockerSandboxPortsTest {

    @Inject
    TestSandboxes sandboxes;
    @Inject
    DockerSandboxPorts ports;
    @Inject
    DockerClient docker;
    @Inject
    DockerSandboxProvisioner provisioner;

    @AfterEach
    void cleanUp() {
        sandboxes.destroyAll();
    }

    @Test
    void theHostsViewAndTheProbesAgreeOnEveryScope() throws Exception {
        Sandbox sandbox = sandboxes.start("dind-fixture");
        ExecResult started = sandboxes.asLearner(sandbox, "docker pull -q python >/dev/null"
                + " && docker run -d -p 5001:8000 python python3 -m http.server 8000 >/dev/null"
                + " && cd /tmp && (setsid python3 -m http.server 8050 >/dev/null 2>&1 &)", 120);
        assertThat(started.exitCode()).as(started.stderr()).isZero();
        sandboxes.asContainerUser(sandbox, "cd /tmp && (setsid python3 -m http.server 8002 --bind 127.0.0.1"
                + " >/dev/null 2>&1 &)");
        List<ListeningPort> expected = List.of(new ListeningPort(5001, Scope.REACHABLE, 0),
                new ListeningPort(8002, Scope.LOOPBACK, 0), new ListeningPort(8050, Scope.ENGINE, 0));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> withoutSockets(
                ports.listening(sandbox.ref())).containsAll(expected));
        assertThat(ports.how(sandbox.ref())).as("Labdeck runs as root beside the engine here").isEqualTo("host");

        DockerSandboxPorts probed = new DockerSandboxPorts(docker, provisioner, Path.of("/nonexistent"));
        assertThat(probed.listening(sandbox.ref())).as("the probe's view").isEqualTo(ports.listening(sandbox.ref()));
        assertThat(probed.how(sandbox.ref())).isEqualTo("exec");
        org.jboss.logging.Logger.getLogger(getClass()).infof("one look: %d µs from the host's /proc, %d µs by a probe"
                + " (median of 21)", median(() -> ports.listening(sandbox.ref())),
                median(() -> probed.listening(sandbox.ref())));
    }

    private static long median(Runnable look) {
        long[] micros = new long[21];
        for (int i = 0; i < micros.length; i++) {
            long started = System.nanoTime();
            look.run();
            micros[i] = (System.nanoTime() - started) / 1000;
        }
        java.util.Arrays.sort(micros);
        return micros[micros.length / 2];
    }

    private static List<ListeningPort> withoutSockets(List<ListeningPort> ports) {
        return ports.stream().map(p -> new ListeningPort(p.port(), p.scope(), 0)).toList();
    }
}
