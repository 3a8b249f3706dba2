package io.labdeck.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.labdeck.sandbox.SandboxLimits;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.SandboxRequest;
import io.labdeck.sandbox.fake.FakeSandboxProvisioner;
import io.labdeck.sandbox.fake.FakeShell;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * The bridge's fan-out and lifecycle on an in-memory shell, in milliseconds: every viewer sees the same output in
 * order after the replay, a watcher cannot type, a viewer that fails leaves without holding anyone up, an exited
 * shell is replaced but a closed terminal never comes back, and senders are paused and resumed around a backlog.
 */
@Tag("fast")
class TerminalBridgeTest {

    @TempDir
    Path dir;

    private final FakeSandboxProvisioner sandboxes = new FakeSandboxProvisioner();
    private final ControlCodec codec = new ControlCodec(new ObjectMapper());
    private SandboxRef sandbox;
    private TerminalBridge bridge;

    @BeforeEach
    void open() throws IOException {
        sandbox = sandboxes.create(new SandboxRequest("s1", "lab", "img", false, new SandboxLimits(1 << 26, 1, 16),
                java.util.Map.of(), Optional.empty())).ref();
        bridge = new TerminalBridge("s1", sandbox, sandboxes, config(), codec,
                new AsciicastRecorder(dir.resolve("s1.cast"), 80, 24, 1 << 20));
        bridge.start();
    }

    @AfterEach
    void close() {
        bridge.close("ended");
    }

    @Test
    void everyViewerGetsTheReplayThenTheLiveOutputInOrderAndAWatcherCannotType() {
        shell().print(bytes("before\r\n"));
        Recorder owner = new Recorder(false);
        Recorder watcher = new Recorder(true);
        bridge.join(owner, "ready");
        bridge.join(watcher, "reconnected");
        for (int i = 0; i < 50; i++) {
            shell().print(bytes("line " + i + "\r\n"));
        }
        assertThat(bridge.input(watcher, bytes("rm -rf /\r"))).isEqualTo(TerminalBridge.Input.IGNORED);
        assertThat(bridge.input(owner, bytes("echo hi\r"))).isEqualTo(TerminalBridge.Input.WRITTEN);
        for (Recorder r : List.of(owner, watcher)) {
            String seen = r.output();
            assertThat(seen).startsWith("before\r\n").contains("line 0\r\nline 1\r\n").contains("line 49\r\n")
                    .endsWith("echo hi\r").doesNotContain("rm -rf");
            assertThat(seen.indexOf("before")).isEqualTo(seen.lastIndexOf("before"));
        }
        assertThat(owner.texts).first().asString().contains("\"ready\"");
        assertThat(watcher.texts).first().asString().contains("\"reconnected\"");
    }

    @Test
    void aViewerWhoseConnectionFailsLeavesAndTheOthersGoOn() {
        Recorder good = new Recorder(false);
        Recorder broken = new Recorder(false);
        bridge.join(good, "ready");
        bridge.join(broken, "ready");
        broken.fail = true;
        shell().print(bytes("one\r\n"));
        shell().print(bytes("two\r\n"));
        assertThat(good.output()).contains("one\r\ntwo\r\n");
        assertThat(bridge.hasViewers()).isTrue();
        bridge.leave(good);
        assertThat(bridge.hasViewers()).as("the broken viewer was dropped, not kept").isFalse();
    }

    @Test
    void anExitedShellIsReplacedAndAClosedTerminalIsNot() {
        Recorder owner = new Recorder(false);
        bridge.join(owner, "ready");
        bridge.input(owner, bytes("exit\r"));
        await().atMost(Duration.ofSeconds(5)).until(() -> owner.texts.stream().filter(t -> t.contains("\"ready\""))
                .count() == 2);
        assertThat(owner.texts).anySatisfy(t -> assertThat(t).contains("\"exited\""));

        bridge.close("ended");
        int before = sandboxes.attachments(sandbox.id());
        shell().print(bytes("late\r\n"));
        assertThat(owner.output()).doesNotContain("late");
        assertThat(sandboxes.attachments(sandbox.id())).as("no shell is attached after the close").isEqualTo(before);
    }

    @Test
    void sendersArePausedWhileTheShellHoldsTooMuchUnreadInputAndResumedAfter() {
        Recorder owner = new Recorder(false);
        Recorder watcher = new Recorder(true);
        bridge.join(owner, "ready");
        bridge.join(watcher, "ready");
        shell().hold(true);
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < 20; i++) {
            assertThat(bridge.input(owner, chunk)).isEqualTo(TerminalBridge.Input.WRITTEN);
        }
        assertThat(owner.texts).containsOnlyOnce("{\"type\":\"flow\",\"paused\":true}");
        assertThat(watcher.texts).as("watchers send nothing").noneMatch(t -> t.contains("flow"));
        Recorder lateTab = new Recorder(false);
        bridge.join(lateTab, "ready");
        assertThat(lateTab.texts).as("a tab joining while paused starts paused")
                .contains("{\"type\":\"flow\",\"paused\":true}");
        shell().hold(false);
        assertThat(owner.texts).last().isEqualTo("{\"type\":\"flow\",\"paused\":false}");
        shell().hold(true);
        byte[] huge = new byte[1 << 20];
        TerminalBridge.Input last = TerminalBridge.Input.WRITTEN;
        for (int i = 0; i < 20 && last == TerminalBridge.Input.WRITTEN; i++) {
            last = bridge.input(owner, huge);
        }
        assertThat(last).as("past the hard limit, input is refused (the service drops that viewer)")
                .isEqualTo(TerminalBridge.Input.FULL);
    }

    private FakeShell shell() {
        return sandboxes.shell(sandbox.id());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A viewer that keeps what it is sent; it can be made to fail, as a closed connection does. */
    private static final class Recorder implements Viewer {
        private final boolean watch;
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        final List<String> texts = new CopyOnWriteArrayList<>();
        volatile boolean fail;
        private volatile boolean closed;

        Recorder(boolean watch) {
            this.watch = watch;
        }

        @Override
        public String id() {
            return "viewer-" + System.identityHashCode(this);
        }

        @Override
        public boolean watch() {
            return watch;
        }

        @Override
        public boolean alive() {
            return !fail && !closed;
        }

        @Override
        public synchronized void sendBinary(byte[] data) {
            if (fail) {
                throw new IllegalStateException("connection reset");
            }
            out.write(data, 0, data.length);
        }

        @Override
        public void sendText(String json) {
            if (fail) {
                throw new IllegalStateException("connection reset");
            }
            texts.add(json);
        }

        @Override
        public void close(String reason) {
            closed = true;
        }

        synchronized String output() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    static TerminalConfig config() {
        return new TerminalConfig() {
            @Override
            public MemorySize replay() {
                return new MemorySize(BigInteger.valueOf(64 * 1024));
            }

            @Override
            public List<String> shell() {
                return List.of("/bin/sh");
            }

            @Override
            public MemorySize viewerBacklog() {
                return new MemorySize(BigInteger.valueOf(4 << 20));
            }

            @Override
            public MemorySize maxRecording() {
                return new MemorySize(BigInteger.valueOf(1 << 20));
            }

            @Override
            public Optional<String> recordingsDir() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> allowedOrigins() {
                return Optional.empty();
            }

            @Override
            public Duration activityInterval() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
