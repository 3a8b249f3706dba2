package io.labdeck.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ListeningPort;
import io.labdeck.sandbox.Sandbox;
import io.labdeck.sandbox.SandboxProvisioner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * On gVisor's own kernel the host's /proc shows the runtime's processes, not the sandbox's sockets, so a plain
 * sandbox's ports are read by a probe in it.
 */
@QuarkusTest
@TestProfile(GvisorRuntimeTest.Runsc.class)
class GvisorPortsTest {

    @Inject
    TestSandboxes sandboxes;
    @Inject
    DockerSandboxPorts ports;
    @Inject
    SandboxProvisioner provisioner;

    @AfterEach
    void cleanUp() {
        sandboxes.destroyAll();
    }

    @Test
    void aServerOnGvisorIsFoundByAProbeInTheSandbox() {
        Sandbox plain = sandboxes.start("ports-fixture");
        var started = sandboxes.asLearner(plain, "cd /tmp && (setsid python3 -m http.server 8000 >/dev/null 2>&1 &)"
                + " && (setsid python3 -m http.server 8001 --bind 127.0.0.1 >/dev/null 2>&1 &)", 10);
        assertThat(started.exitCode()).as(started.stderr()).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ports.listening(plain.ref()))
                .extracting(ListeningPort::port, ListeningPort::scope)
                .contains(org.assertj.core.groups.Tuple.tuple(8000, ListeningPort.Scope.REACHABLE),
                        org.assertj.core.groups.Tuple.tuple(8001, ListeningPort.Scope.LOOPBACK)));
        assertThat(ports.how(plain.ref())).isEqualTo("exec");
        String address = provisioner.inspect(plain.ref()).address().orElseThrow();
        assertThat(io.labdeck.testing.Http.get("http://" + address + ":8000/")).as("reached at the sandbox's address")
                .contains("Directory listing");
    }
}
