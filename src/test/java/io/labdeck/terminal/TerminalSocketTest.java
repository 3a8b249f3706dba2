package io.labdeck.terminal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.labdeck.testing.TerminalClient;
import io.quarkus.test.junit.QuarkusTest;

/** The terminal websocket against a real sandbox (labdeck/sandbox-tiny, busybox sh). */
@QuarkusTest
class TerminalSocketTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @jakarta.inject.Inject
    TerminalService terminals;

    private String sessionId;
    private String cookie;

    private TestSession session;

    @BeforeEach
    void startSession() {
        session = TestSession.start("container-basics", "ja");
        sessionId = session.id();
        cookie = session.cookie();
    }

    @AfterEach
    void endSession() {
        session.end();
    }

    /** Connects and waits for the shell's prompt, so nothing typed races the shell's start. */
    private TerminalClient connect() throws Exception {
        TerminalClient client = TerminalClient.connect(port, sessionId, cookie, false);
        client.awaitControl("\"state\":\"");
        client.awaitText(s -> s.contains("# "), "the prompt");
        return client;
    }

    @Test
    void commandsRunAndResizeReachesTheTty() throws Exception {
        try (TerminalClient t = connect()) {
            assertThat(t.controls().getFirst()).isEqualTo("{\"type\":\"status\",\"state\":\"ready\"}");
            t.type("echo $((6*7))\n");
            t.awaitText(s -> s.contains("\n42") || s.contains("\r\n42"), "42");

            t.control("{\"type\":\"resize\",\"cols\":120,\"rows\":32}");
            // The resize is the server's to apply; ask again until the TTY has it (no fixed wait).
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
                t.type("stty size\n");
                return t.text().contains("32 120");
            });

            t.control("{\"type\":\"ping\"}");
            t.awaitControl("\"pong\"");
        }
    }

    @Test
    void aProcessKilledAtTheMemoryLimitIsToldToTheTerminalAndTheShellGoesOn() throws Exception {
        try (TerminalClient t = connect()) {
            // busybox tail keeps all of an endless line: it grows until the kernel kills it at the sandbox's limit.
            t.type("tail /dev/zero; echo after-$((3*3))\n");
            t.awaitControl("{\"type\":\"incident\",\"kind\":\"out-of-memory\"}");
            t.awaitText(s -> s.contains("after-9"), "the shell after the kill");
            t.type("echo alive-$((4*4))\n");
            t.awaitText(s -> s.contains("alive-16"), "the same shell answering");
        }
    }

    @Test
    void japaneseAndKoreanSurviveEveryFrameSplitBothWays() throws Exception {
        try (TerminalClient t = connect()) {
            byte[] command = "printf '%s=%s\\n' 'x' '日本語と한국어'\n".getBytes(StandardCharsets.UTF_8);
            for (int split = 1; split < command.length; split++) {
                t.sendFrames(Arrays.copyOfRange(command, 0, split), Arrays.copyOfRange(command, split, command.length));
                long runs = split;
                t.awaitText(s -> s.lines().filter(l -> l.startsWith("x=")).count() >= runs,
                        "output line " + split + " of the split command");
            }
            // busybox's line editor may echo a half-typed character oddly; what the shell ran and printed is exact.
            assertThat(t.text().lines().filter(l -> l.startsWith("x=")))
                    .hasSize(command.length - 1).allMatch(l -> l.strip().equals("x=日本語と한국어"));
        }
    }

    @Test
    void aReconnectReplaysTheEarlierOutput() throws Exception {
        try (TerminalClient first = connect()) {
            first.type("echo before-$((1+1))-reconnect\n");
            first.awaitOutput("before-2-reconnect");
        }
        try (TerminalClient second = TerminalClient.connect(port, sessionId, cookie, false)) {
            second.awaitControl("\"state\":\"reconnected\"");
            assertThat(second.text()).contains("before-2-reconnect");
            second.type("echo after-$((2+2))\n");
            second.awaitOutput("after-4");
        }
    }

    @Test
    void aWatcherSeesOutputButItsInputAndResizesAreIgnored() throws Exception {
        try (TerminalClient owner = connect();
                TerminalClient watcher = TerminalClient.connect(port, sessionId, cookie, true)) {
            watcher.awaitControl("\"state\":\"reconnected\"");
            owner.type("echo owner-$((3*3))\n");
            watcher.awaitOutput("owner-9");

            watcher.type("echo watcher-$((5*5))\n");
            watcher.control("{\"type\":\"resize\",\"cols\":33,\"rows\":11}");
            owner.type("stty size; echo done-$((7*7))\n");
            owner.awaitOutput("done-49");
            assertThat(owner.text()).doesNotContain("watcher-25").doesNotContain("11 33");
            assertThat(watcher.text()).doesNotContain("watcher-25");
        }
    }

    /**
     * A second tab of the same learner stops reading (a frozen tab, a dead link) while the shell floods: the server
     * drops that tab with 4001 and a reason rather than hold output for it, and the owner's own tab, its echo and
     * a check go on in the same shell.
     */
    @Test
    void aTabThatStopsReadingIsDroppedWithAReasonAndTheOtherTabAndChecksGoOn() throws Exception {
        try (TerminalClient owner = connect(); TerminalClient stalled = connect()) {
            owner.type("export MARK=kept\n");
            double before = dropped();
            stalled.stopReading();
            owner.type("yes stalled-tab-flood | head -c 30000000; echo flood-$((60+6))\n");
            await().atMost(Duration.ofSeconds(60)).alias("the server drops the stalled tab")
                    .until(() -> dropped() > before);
            stalled.resumeReading();
            TerminalClient.Closed closed = stalled.awaitClosed(Duration.ofSeconds(60));
            assertThat(closed.code()).isEqualTo(4001);
            assertThat(closed.reason()).contains("behind");
            owner.awaitOutput("flood-66", Duration.ofSeconds(120));
            owner.type("echo mark=$MARK\n");
            owner.awaitOutput("mark=kept");
            given().cookie("labdeck_owner", cookie).post("/api/sessions/" + sessionId + "/steps/look-around/check")
                    .then().statusCode(200);
        }
    }

    /** Tabs the server dropped, from /q/metrics. */
    static double dropped() {
        return given().get("/q/metrics").then().extract().asString().lines()
                .filter(l -> l.startsWith("labdeck_terminal_dropped_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aFloodInOneSessionNeitherStarvesAnotherNorBreaksItsOwnTerminal() throws Exception {
        TestSession other = TestSession.start("container-env", "ko");
        String otherId = other.id();
        String otherCookie = other.cookie();
        try (TerminalClient flooding = connect();
                TerminalClient quiet = TerminalClient.connect(port, otherId, otherCookie, false)) {
            quiet.awaitText(s -> s.contains("# "), "the prompt");
            flooding.type("yes 0123456789abcdefghijklmnopqrstuvwxyz | head -c 16000000; echo flood-$((50+50))\n");
            for (int i = 0; i < 5; i++) {
                quiet.type("echo quiet-" + i + "-$((" + i + "*11))\n");
                quiet.awaitOutput("quiet-" + i + "-" + (i * 11));
            }
            // 16 MB takes ~8 s here with the client on the same 2 cores; a loaded CI machine needs more than 20 s.
            flooding.awaitOutput("flood-100", Duration.ofSeconds(90));
            flooding.type("echo after-flood-$((4*4))\n");
            flooding.awaitOutput("after-flood-16");
        } finally {
            other.end();
        }
    }

    @Test
    void strangersAndOtherOriginsAreRefusedWith403() {
        for (String wrong : new String[] {null, "not-the-owner"}) {
            assertThatThrownBy(() -> TerminalClient.connect(port, sessionId, wrong, false))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                            .isEqualTo(403));
        }
        assertThatThrownBy(() -> TerminalClient.connect(port, sessionId, cookie, "https://evil.example"))
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(403));
    }

    @Test
    void malformedControlMessagesGetAnErrorAndTheTerminalKeepsWorking() throws Exception {
        try (TerminalClient t = connect()) {
            t.control("{resize");
            t.awaitControl("not JSON");
            t.control("{\"type\":\"resize\",\"cols\":-1,\"rows\":5}");
            t.awaitControl("1 to 1000");
            t.control("{\"type\":\"teleport\"}");
            t.awaitControl("Unknown control message type");
            t.type("echo alive-$((8*8))\n");
            t.awaitOutput("alive-64");
        }
    }

    @Test
    void anExitedShellIsReplacedAndTheClientIsTold() throws Exception {
        try (TerminalClient t = connect()) {
            t.type("exit\n");
            t.awaitControl("\"state\":\"exited\"");
            t.awaitControls(c -> c.stream().filter(m -> m.contains("\"state\":\"ready\"")).count() == 2,
                    "a second ready");
            t.type("echo again-$((9+1))\n");
            t.awaitOutput("again-10");
        }
    }

    @Test
    void endingTheSessionTellsAndDisconnectsViewers() throws Exception {
        TerminalClient t = connect();
        given().cookie("labdeck_owner", cookie).delete("/api/sessions/" + sessionId).then().statusCode(204);
        t.awaitControl("\"state\":\"ended\"");
        assertThat(t.awaitClosed().code()).as("a normal close").isEqualTo(1000);
        assertThatThrownBy(() -> TerminalClient.connect(port, sessionId, cookie, false))
                .as("nothing attaches after the end").hasCauseInstanceOf(WebSocketHandshakeException.class);
        assertThat(terminals.open()).as("no terminal outlives its session").isZero();
    }

    @Test
    void theRecordingHasTheOutputAndResizesForTheOwnerOnly() throws Exception {
        try (TerminalClient t = connect()) {
            t.control("{\"type\":\"resize\",\"cols\":100,\"rows\":30}");
            t.type("echo recorded-$((6+6)) 記録\n");
            t.awaitOutput("recorded-12 記録");
        }
        String cast = await().atMost(Duration.ofSeconds(10)).until(() -> given().cookie("labdeck_owner", cookie)
                .get("/api/sessions/" + sessionId + "/recording").then().statusCode(200)
                .contentType("application/x-asciicast").extract().asString(), c -> c.contains("recorded-12"));
        assertThat(cast.lines().findFirst().orElseThrow()).contains("\"version\":2");
        assertThat(cast).contains("recorded-12 記録").contains("\"r\", \"100x30\"");
        given().cookie("labdeck_owner", "someone-else").get("/api/sessions/" + sessionId + "/recording").then()
                .statusCode(403);
    }
}
