package io.labdeck.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.Sandbox;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxLimits;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRequest;
import io.labdeck.sandbox.TtyOutput;
import io.labdeck.sandbox.TtyRequest;
import io.labdeck.sandbox.TtySession;
import io.labdeck.sandbox.TtySize;
import io.quarkus.test.junit.QuarkusTest;

/** The Docker provisioner against the real engine, checked with docker-java directly. */
@QuarkusTest
class DockerSandboxProvisionerTest {

    @Inject
    SandboxProvisioner sandboxes;
    @Inject
    DockerClient docker;

    private static SandboxRequest request(String session, Optional<String> setup) {
        return new SandboxRequest(session, "unit-lab", "labdeck/sandbox-tiny", false,
                new SandboxLimits(96L << 20, 0.5, 48), Map.of("GREETING", "こんにちは"), setup);
    }

    @Test
    void aSandboxHasLabelsLimitsItsOwnNetworkAndVolumeAndNoDockerSocket() {
        String session = "unit" + System.nanoTime();
        Sandbox sandbox = sandboxes.create(request(session, Optional.of("echo prepared > /root/setup.txt")));
        try {
            InspectContainerResponse c = docker.inspectContainerCmd(sandbox.ref().id()).exec();
            assertThat(c.getConfig().getLabels()).containsEntry("io.labdeck.platform", "labdeck")
                    .containsEntry("io.labdeck.owner", "labdeck-test").containsEntry("io.labdeck.session", session)
                    .containsEntry("io.labdeck.lab", "unit-lab");
            assertThat(c.getHostConfig().getMemory()).isEqualTo(96L << 20);
            assertThat(c.getHostConfig().getMemorySwap()).isEqualTo(96L << 20);
            assertThat(c.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
            assertThat(c.getHostConfig().getPidsLimit()).isEqualTo(48L);
            assertThat(c.getHostConfig().getPrivileged()).isFalse();
            assertThat(c.getNetworkSettings().getNetworks()).containsOnlyKeys("labdeck-" + session);
            assertThat(c.getMounts()).extracting(m -> m.getName() + ":" + m.getDestination().getPath() + ":"
                    + (Boolean.TRUE.equals(m.getRW()) ? "rw" : "ro")).containsExactlyInAnyOrder(
                            "labdeck-" + session + "-home:/root:rw",
                            "labdeck-tools-" + docker.inspectImageCmd("labdeck/sandbox-tiny").exec().getId()
                                    .replace("sha256:", "").substring(0, 12) + ":/.labdeck:ro",
                            "labdeck-" + session + "-term:/.labdeck-term:ro");
            assertThat(c.getMounts()).noneMatch(m -> String.valueOf(m.getSource()).contains("docker.sock"));
            // The terminal container holds the shell's pty, outside the sandbox's quota, and is confined on its own.
            InspectContainerResponse term = docker.inspectContainerCmd("labdeck-" + session + "-term").exec();
            assertThat(term.getState().getRunning()).isTrue();
            assertThat(term.getConfig().getLabels()).containsEntry("io.labdeck.session", session)
                    .containsEntry("io.labdeck.owner", "labdeck-test").containsEntry("io.labdeck.role", "terminal");
            assertThat(term.getHostConfig().getNetworkMode()).isEqualTo("none");
            assertThat(term.getHostConfig().getCapDrop()).extracting(Object::toString).containsExactly("ALL");
            assertThat(term.getHostConfig().getReadonlyRootfs()).isTrue();
            assertThat(term.getHostConfig().getMemory()).isEqualTo(32L << 20);
            assertThat(term.getHostConfig().getPidsLimit()).isEqualTo(16L);
            assertThat(term.getConfig().getUser()).isEqualTo("1000:1000");
            assertThat(docker.inspectNetworkCmd().withNetworkId("labdeck-" + session).exec().getLabels())
                    .containsEntry("io.labdeck.session", session);
            assertThat(docker.inspectVolumeCmd("labdeck-" + session + "-home").exec().getLabels())
                    .containsEntry("io.labdeck.session", session);

            ExecResult result = sandboxes.exec(sandbox.ref(), ExecRequest.shell(
                    "echo \"$GREETING\"; cat /root/setup.txt; echo err >&2; exit 3", Duration.ofSeconds(10)));
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.stdout()).isEqualTo("こんにちは\nprepared\n");
            assertThat(result.stderr()).isEqualTo("err\n");
            assertThat(result.timedOut()).isFalse();

            ExecResult forkBomb = sandboxes.exec(sandbox.ref(), ExecRequest.shell(
                    "i=0; while [ $i -lt 100 ]; do sleep 5 & i=$((i+1)); done 2>/dev/null; echo started $i",
                    Duration.ofSeconds(10)));
            // busybox sh gives up at the first failed fork; whether its "can't fork" line gets out first is a race.
            assertThat(forkBomb.stdout()).as("the pids limit stops the 100 sleeps").doesNotContain("started 100");
            assertThat(forkBomb.exitCode()).as("the shell that could not fork fails").isNotZero();
            assertThat(forkBomb.timedOut()).isFalse();
            assertThat(sandboxes.stats(sandbox.ref()).memoryBytes()).isPositive();
        } finally {
            sandboxes.destroy(sandbox.ref());
        }
        assertThatThrownBy(() -> docker.inspectContainerCmd(sandbox.ref().id()).exec())
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> docker.inspectNetworkCmd().withNetworkId("labdeck-" + session).exec())
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> docker.inspectVolumeCmd("labdeck-" + session + "-home").exec())
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> docker.inspectContainerCmd("labdeck-" + session + "-term").exec())
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> docker.inspectVolumeCmd("labdeck-" + session + "-term").exec())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCommandPastItsDeadlineIsKilledAndReportedAsTimedOut() {
        Sandbox sandbox = sandboxes.create(request("unit" + System.nanoTime(), Optional.empty()));
        try {
            ExecResult result = sandboxes.exec(sandbox.ref(), ExecRequest.shell("echo begun; sleep 30",
                    Duration.ofSeconds(1)));
            assertThat(result.timedOut()).isTrue();
            assertThat(result.stdout()).isEqualTo("begun\n");
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(8));
            assertThat(sandboxes.exec(sandbox.ref(), ExecRequest.shell("echo still here", Duration.ofSeconds(5)))
                    .stdout()).isEqualTo("still here\n");
        } finally {
            sandboxes.destroy(sandbox.ref());
        }
    }

    @Test
    void aFloodOfOutputIsCappedAndTheRestDrained() {
        Sandbox sandbox = sandboxes.create(request("unit" + System.nanoTime(), Optional.empty()));
        try {
            ExecResult result = sandboxes.exec(sandbox.ref(), new ExecRequest(List.of("sh", "-c",
                    "yes 0123456789 | head -c 5000000; echo done >&2"), Map.of(), Optional.empty(), Optional.empty(),
                    Duration.ofSeconds(20), 4096));
            assertThat(result.exitCode()).isZero();
            assertThat(result.truncated()).isTrue();
            assertThat(result.stdout().length() + result.stderr().length()).isLessThanOrEqualTo(4096);
        } finally {
            sandboxes.destroy(sandbox.ref());
        }
    }

    @Test
    void anInteractiveTtyRunsAShellAndTakesItsSize() throws Exception {
        Sandbox sandbox = sandboxes.create(request("unit" + System.nanoTime(), Optional.empty()));
        // The shell runs in the sandbox's own cgroup (its limits), though its pty is the terminal container's.
        String[] id12 = {sandbox.ref().id().substring(0, 12)};
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        CountDownLatch answered = new CountDownLatch(1);
        TtyOutput output = new TtyOutput() {
            @Override
            public synchronized void bytes(byte[] data) {
                seen.write(data, 0, data.length);
                if (seen.toString(StandardCharsets.UTF_8).contains("size=32 120 cg=" + id12[0] + ".")) {
                    answered.countDown();
                }
            }

            @Override
            public void closed() {
            }
        };
        try (TtySession tty = sandboxes.openTty(sandbox.ref(), new TtyRequest(List.of("sh"), Map.of(),
                new TtySize(120, 32)), output)) {
            tty.write(("echo \"size=$(stty size) cg=$(grep -o 'docker/[0-9a-f]*' /proc/self/cgroup | head -1"
                    + " | cut -c8-19).\"\n").getBytes(StandardCharsets.UTF_8));
            assertThat(answered.await(10, TimeUnit.SECONDS)).as("output: %s", seen).isTrue();
        } finally {
            sandboxes.destroy(sandbox.ref());
        }
    }

    @Test
    void aMissingImageFailsClearlyAndCreatesNothing() {
        String session = "unit" + System.nanoTime();
        assertThatThrownBy(() -> sandboxes.create(new SandboxRequest(session, "unit-lab", "labdeck/none:0", false,
                new SandboxLimits(64L << 20, 0.25, 32), Map.of(), Optional.empty())))
                .isInstanceOf(SandboxFailedException.class)
                .hasMessageContaining("'labdeck/none:0' is not available");
        assertThat(sandboxes.list()).noneMatch(r -> session.equals(r.sessionId()));
    }

    @Test
    void scriptsRunTheSameThroughTheAgentAndThroughAPlainExecAndAKilledAgentIsReplaced() {
        String session = "unit" + System.nanoTime();
        Sandbox sandbox = sandboxes.create(request(session, Optional.empty()));
        try {
            String[] scripts = {"echo \"$GREETING $X\"; echo 한국어 >&2; exit 4", "pwd; read line; echo \"[$line]\"",
                "kill -9 $$", "echo begun; sleep 30; echo never"};
            for (String script : scripts) {
                ExecRequest viaAgent = new ExecRequest(List.of("sh", "-c", script), Map.of("X", "it's"),
                        Optional.empty(), Optional.empty(), Duration.ofSeconds(2), 4096, true);
                // A working directory makes the probe unsuitable for the agent: it takes the plain exec path.
                ExecRequest plain = new ExecRequest(viaAgent.argv(), viaAgent.env(), Optional.empty(),
                        Optional.of("/root"), viaAgent.timeout(), viaAgent.maxOutputBytes(), true);
                ExecResult a = sandboxes.exec(sandbox.ref(), viaAgent);
                ExecResult b = sandboxes.exec(sandbox.ref(), plain);
                assertThat(a).as(script).usingRecursiveComparison().ignoringFields("elapsed").isEqualTo(b);
            }
            ExecResult flood = sandboxes.exec(sandbox.ref(), new ExecRequest(List.of("sh", "-c", "yes overflow"),
                    Map.of(), Optional.empty(), Optional.empty(), Duration.ofSeconds(5), 4096, true));
            assertThat(flood.exitCode()).as("stopped by its output limit").isEqualTo(153);
            assertThat(flood.truncated()).isTrue();
            assertThat(flood.stdout()).hasSize(4096).startsWith("overflow\n");
            ExecResult first = sandboxes.exec(sandbox.ref(), ExecRequest.shell("echo \"$GREETING $X\"",
                    Duration.ofSeconds(5)).asProbe());
            assertThat(first.stdout()).isEqualTo("こんにちは \n");

            // A learner may kill the agent; the next probe finds it dead and starts a new one.
            String killAgents = "kill -9 $(pidof labdeck-agent) && echo killed";
            assertThat(sandboxes.exec(sandbox.ref(), ExecRequest.shell(killAgents, Duration.ofSeconds(5))).stdout())
                    .isEqualTo("killed\n");
            // The probe that first meets the dead agent may still go to it (its stream has not noticed yet) and
            // falls back to a plain exec; a later probe starts the new agent.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                ExecResult after = sandboxes.exec(sandbox.ref(), ExecRequest.shell("echo again",
                        Duration.ofSeconds(5)).asProbe());
                assertThat(after.exitCode()).isZero();
                assertThat(after.stdout()).isEqualTo("again\n");
                ExecResult agents = sandboxes.exec(sandbox.ref(), new ExecRequest(List.of("sh", "-c",
                        "pidof labdeck-agent | wc -w"), Map.of(), Optional.empty(), Optional.of("/"),
                        Duration.ofSeconds(5), 4096));
                assertThat(agents.stdout().strip()).as("exactly one agent runs again").isEqualTo("1");
            });
        } finally {
            sandboxes.destroy(sandbox.ref());
        }
    }
}
