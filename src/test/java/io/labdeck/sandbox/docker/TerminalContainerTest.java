package io.labdeck.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.Sandbox;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.TtyOutput;
import io.labdeck.sandbox.TtyRequest;
import io.labdeck.sandbox.TtySession;
import io.labdeck.sandbox.TtySize;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The shell on the terminal container's pty, against the real engine: in a rootless sandbox it is root in the
 * engine's namespace; from the sandbox a learner can neither reach the attach socket, nor write the spawn volume,
 * nor take over the pty while their shell runs on it.
 */
@QuarkusTest
class TerminalContainerTest {

    @Inject
    TestSandboxes sandboxes;
    @Inject
    SandboxProvisioner provisioner;

    @AfterEach
    void cleanUp() {
        sandboxes.destroyAll();
    }

    @Test
    void aRootlessSandboxsShellRunsInTheEnginesNamespaceOnTheTerminalContainersPty() throws Exception {
        Sandbox rootless = sandboxes.start("dind-fixture");
        Screen screen = new Screen();
        try (TtySession tty = provisioner.openTty(rootless.ref(), new TtyRequest(List.of("sh"), Map.of(),
                new TtySize(90, 20)), screen)) {
            tty.write("echo \"id=$(id -u) map=$(awk '{print $2}' /proc/self/uid_map | head -1) size=$(stty size)\"\n"
                    .getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(screen.text())
                    .contains("id=0 map=1000 size=20 90"));
        }
    }

    @Test
    void fromThePlainSandboxTheTerminalCanNeitherBeReachedNorTakenOver() throws Exception {
        Sandbox plain = sandboxes.start("check-fixture");
        Screen screen = new Screen();
        try (TtySession tty = provisioner.openTty(plain.ref(), new TtyRequest(List.of("sh"), Map.of(),
                new TtySize(80, 24)), screen)) {
            tty.write("echo ready-$((6*7))\n".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(15)).until(() -> screen.text().contains("ready-42"));
            ExecResult tried = sandboxes.asLearner(plain, """
                    ls -d /run/labdeck-term.sock 2>/dev/null && echo attach-socket-visible
                    touch /.labdeck-term/x 2>/dev/null && echo spawn-volume-writable
                    /.labdeck/labdeck-term spawn /.labdeck-term/spawn.sock -- sh -c 'echo took-over-$((1+1))'
                    echo "spawn=$?"
                    """, 20);
            assertThat(tried.stdout()).contains("spawn=0").doesNotContain("attach-socket-visible")
                    .doesNotContain("spawn-volume-writable").doesNotContain("took-over-2");
            // The learner's own shell still answers, and nothing else was run on its pty.
            tty.write("echo still-$((5*5))\n".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(10)).until(() -> screen.text().contains("still-25"));
            assertThat(screen.text()).doesNotContain("took-over-2");
        }
    }

    /** What the terminal printed so far. */
    private static final class Screen implements TtyOutput {
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        @Override
        public synchronized void bytes(byte[] data) {
            seen.write(data, 0, data.length);
        }

        @Override
        public void closed() {
        }

        synchronized String text() {
            return seen.toString(StandardCharsets.UTF_8);
        }
    }
}
