package io.labdeck.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.labdeck.testing.TerminalClient;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a shell's output and a browser's input can be, against a real sandbox (busybox sh): a long line without a
 * newline, garbage bytes, invalid UTF-8, control frames that are not JSON or far too big, a 10 MB paste. After each,
 * the shell is the same one (its pid and a variable are kept) and the terminal still works.
 */
@QuarkusTest
class TerminalInputTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private TestSession session;

    @BeforeEach
    void startSession() {
        session = TestSession.start("container-basics", "ja");
    }

    @AfterEach
    void endSession() {
        session.end();
    }

    private TerminalClient connect() throws Exception {
        TerminalClient client = TerminalClient.connect(port, session.id(), session.cookie(), false);
        client.awaitControl("\"state\":\"");
        client.awaitText(s -> s.contains("# "), "the prompt");
        return client;
    }

    /** The shell's pid, with a marker so that the echo of the command is not taken for its output. */
    private static String shell(TerminalClient t, String tag) throws InterruptedException {
        t.type("echo " + tag + "=$$:$MARK\n");
        String text = t.awaitText(s -> s.lines().anyMatch(l -> l.startsWith(tag + "=") && !l.contains("$")),
                tag);
        return text.lines().filter(l -> l.startsWith(tag + "=") && !l.contains("$")).reduce((a, b) -> b)
                .orElseThrow().strip();
    }

    /** The regression of ReplayBuffer.safeCut reading past its end on a chunk with no newline: the shell died. */
    @Test
    void threeMegabytesWithoutANewlineKeepTheSameShell() throws Exception {
        try (TerminalClient t = connect()) {
            t.type("export MARK=kept\n");
            String before = shell(t, "before");
            t.type("head -c 3000000 /dev/zero | tr '\\000' b; echo; echo long-$((3*3))\n");
            t.awaitOutput("long-9", Duration.ofSeconds(60));
            assertThat(shell(t, "after").replace("after", "before")).isEqualTo(before);
            assertThat(t.controls()).noneMatch(c -> c.contains("exited"));
        }
        try (TerminalClient again = connect()) {
            assertThat(shell(again, "replayed")).endsWith(":kept");
        }
    }

    @Test
    void garbageBytesInvalidUtf8AndBadControlFramesLeaveTheShellAndTheConnection() throws Exception {
        String before;
        try (TerminalClient t = connect()) {
            t.type("export MARK=kept\n");
            before = shell(t, "before");
            // Printable garbage, invalid UTF-8 and lone continuation bytes into cat (no tty control characters,
            // which would be the line discipline's): all of it reaches the file.
            ByteArrayOutputStream garbage = new ByteArrayOutputStream();
            Random random = new Random(42);
            for (int line = 0; line < 200; line++) {
                for (int i = 0; i < 100; i++) {
                    int b = 0x20 + random.nextInt(0xE0);
                    garbage.write(b == 0x7F ? 0xFF : b);
                }
                garbage.write(new byte[] {(byte) 0xC3, 0x28, (byte) 0xE2, (byte) 0x82, (byte) 0xFE, '\n'});
            }
            // cat must be reading before the garbage comes, or the shell's line editor would take it.
            t.type("stty -echo; echo ready-$((1+1)); cat > /tmp/garbage; stty echo\n");
            t.awaitOutput("ready-2");
            t.paste(garbage.toByteArray(), Duration.ofSeconds(30));
            t.send(new byte[] {4}); // ^D ends cat
            t.type("wc -c < /tmp/garbage | sed 's/^/size=/'\n");
            t.awaitOutput("size=" + garbage.size());

            t.control("not json at all \u0000\u00ff");
            t.awaitControl("not JSON");
            t.control("{\"type\":\"resize\",\"cols\":1e9,\"rows\":-1}");
            t.awaitControl("1 to 1000");
            t.control("{\"type\":\"" + "x".repeat(60_000) + "\"}");
            t.awaitControl("Unknown control message type");
            assertThat(shell(t, "after").replace("after", "before")).isEqualTo(before);

            // A frame far past the server's frame limit closes that connection only.
            t.send(new byte[1 << 20]);
            assertThat(t.awaitClosed(Duration.ofSeconds(20)).code()).isNotEqualTo(1000);
        }
        try (TerminalClient again = connect()) {
            assertThat(shell(again, "again").replace("again", "before")).isEqualTo(before);
        }
    }

    @Test
    void aTenMegabytePasteArrivesWholeInOrderAtTheShellsPace() throws Exception {
        try (TerminalClient t = connect()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; text.length() < 10_000_000; i++) {
                text.append(String.format("%08d 日本語 한국어 paste line%n", i));
            }
            byte[] paste = text.toString().getBytes(StandardCharsets.UTF_8);
            t.type("stty -echo; echo ready-$((2+2)); cat > /tmp/paste; stty echo\n");
            t.awaitOutput("ready-4");
            t.paste(paste, Duration.ofSeconds(60));
            t.send(new byte[] {4});
            t.type("md5sum /tmp/paste | sed 's/^/md5=/'\n");
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(paste));
            t.awaitOutput("md5=" + md5, Duration.ofSeconds(60));
            assertThat(t.pauses()).as("the shell could not take 10 MB at once: the server paused the paste")
                    .isPositive();
            assertThat(t.isClosed()).isFalse();
        }
    }
}
