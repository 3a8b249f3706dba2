package io.labdeck.preview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.store.SessionStore;
import io.labdeck.testing.TerminalClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Port detection on the real engine: a server in a plain sandbox, and in a Docker lab a container published with
 * {@code docker run -p 5001:8000} (its rootless engine's port driver listens in the sandbox's namespace) beside a
 * server in the learner's own shell (the engine's namespace only). Links appear through the API and the terminal's
 * websocket within about two seconds of a port opening and go when it closes.
 */
@QuarkusTest
class PortDetectionDockerTest {

    private static final Logger LOG = Logger.getLogger(PortDetectionDockerTest.class);
    private static final Duration SOON = Duration.ofMillis(2500);

    @Inject
    SandboxProvisioner sandboxes;
    @Inject
    SessionStore store;
    @ConfigProperty(name = "quarkus.http.test-port")
    int httpPort;

    private String id;
    private String cookie;

    private void start(String lab) {
        var response = given().contentType(ContentType.JSON).body("{\"labId\":\"" + lab + "\",\"lang\":\"ja\"}")
                .post("/api/sessions");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        id = response.jsonPath().getString("id");
        cookie = response.getCookie(OwnerToken.COOKIE);
    }

    @AfterEach
    void end() {
        if (id != null) {
            given().cookie(OwnerToken.COOKIE, cookie).delete("/api/sessions/" + id);
        }
    }

    private ExecResult shell(String script, int seconds) {
        SandboxRef ref = new SandboxRef(id, store.find(id).orElseThrow().sandboxId().orElseThrow());
        ExecResult result = sandboxes.exec(ref, ExecRequest.shell(script, Duration.ofSeconds(seconds)));
        assertThat(result.exitCode()).as(script + ": " + result.stdout() + result.stderr()).isZero();
        return result;
    }

    private List<Map<String, Object>> ports() {
        return given().cookie(OwnerToken.COOKIE, cookie).get("/api/sessions/" + id + "/ports").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private Optional<Map<String, Object>> port(int number) {
        return ports().stream().filter(p -> ((Number) p.get("port")).intValue() == number).findFirst();
    }

    /** Waits until the API says {@code state} for the port, and says how long that took. */
    private Duration awaitState(int number, String state, Duration within) {
        return awaitState(number, state::equals, state, within);
    }

    private Duration awaitState(int number, java.util.function.Predicate<String> wanted, String state,
            Duration within) {
        long started = System.nanoTime();
        var last = new java.util.concurrent.atomic.AtomicReference<Object>("nothing yet");
        List<String> seenStates = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
                Optional<Map<String, Object>> seen = port(number);
                last.set(seen.map(Object.class::cast).orElse("absent"));
                String word = seen.map(p -> p.get("state") + "/" + p.get("reasonCode")).orElse("absent");
                if (seenStates.isEmpty() || !seenStates.getLast().endsWith(" " + word)) {
                    seenStates.add((System.nanoTime() - started) / 1_000_000 + " ms " + word);
                }
                return wanted.test(seen.map(p -> (String) p.get("state")).orElse("absent"));
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(number + " not " + state + " within " + within + "; last seen: " + last.get()
                    + "; seen: " + seenStates, e);
        }
        LOG.infof("%d until %s: %s", number, state, seenStates);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static boolean says(TerminalClient t, int port, String state) {
        return t.controls().stream().anyMatch(m -> m.contains("\"type\":\"ports\"")
                && m.contains("\"port\":" + port + ",") && m.contains("\"state\":\"" + state + "\""));
    }

    @Test
    void inAPlainSandboxAServersLinkAnswersWithinTwoSecondsAndGoesWhenItStops() throws Exception {
        start("ports-fixture");
        try (TerminalClient t = TerminalClient.connect(httpPort, id, cookie, false)) {
            awaitState(5001, "not-listening", Duration.ofSeconds(5));
            shell("cd /tmp && setsid python3 -m http.server 8000 >/dev/null 2>&1 &"
                    + " setsid python3 -m http.server 8001 --bind 127.0.0.1 >/dev/null 2>&1 &", 10);
            Duration shown = awaitState(8000, "answering", SOON);
            LOG.infof("plain sandbox: 8000 answering in the API %d ms after the server was started", shown.toMillis());
            t.awaitControls(c -> says(t, 8000, "answering"), "8000 answering on the websocket");
            awaitState(8001, "local-only", SOON);
            assertThat(port(8001).orElseThrow().get("reasonCode")).isEqualTo("loopback-only");

            shell("pkill -f 'http[.]server 8000'", 10);
            long stopped = System.nanoTime();
            awaitState(8000, "absent", SOON);
            LOG.infof("plain sandbox: 8000 gone %d ms after its server stopped", (System.nanoTime() - stopped)
                    / 1_000_000);
            int seen = t.controls().size();
            t.awaitControls(c -> c.stream().skip(seen - 1).anyMatch(m -> m.contains("\"type\":\"ports\"")
                    && !m.contains("\"port\":8000,")), "a ports message without 8000");
        }
    }

    @Test
    void inADockerLabAPublishedContainerPortAnswersAndAShellsOwnServerIsLocalOnly() throws Exception {
        start("ports-dind-fixture");
        try (TerminalClient t = TerminalClient.connect(httpPort, id, cookie, false)) {
            awaitState(5001, "not-listening", Duration.ofSeconds(5));
            shell("docker pull -q python >/dev/null", 120);
            shell("docker run -d --name web -p 5001:8000 python python3 -m http.server 8000 >/dev/null", 60);
            Duration linked = awaitState(5001, s -> !s.equals("not-listening"), "listening", SOON);
            LOG.infof("Docker lab: 5001 listed as listening %d ms after docker run returned", linked.toMillis());
            // The container's server takes its time to start on a busy machine: detection is timed from when it
            // answers inside the sandbox.
            shell("for i in $(seq 300); do curl -fsS -o /dev/null localhost:5001 && exit 0; sleep 0.1; done; exit 1",
                    60);
            Duration shown = awaitState(5001, "answering", SOON);
            LOG.infof("Docker lab: 5001 answering in the API %d ms after it answered inside", shown.toMillis());
            t.awaitControls(c -> says(t, 5001, "answering"), "5001 answering on the websocket");

            shell("cd /tmp && setsid python3 -m http.server 8050 >/dev/null 2>&1 &", 10);
            awaitState(8050, "local-only", SOON);
            assertThat(port(8050).orElseThrow().get("reason")).asString().contains("docker run -p 8050:8050");

            shell("docker rm -f web >/dev/null", 30);
            long stopped = System.nanoTime();
            awaitState(5001, "not-listening", SOON);
            LOG.infof("Docker lab: 5001 back to not-listening %d ms after docker rm -f", (System.nanoTime() - stopped)
                    / 1_000_000);
            t.awaitControls(c -> says(t, 5001, "not-listening") && c.stream().filter(m -> m.contains("\"ports\""))
                    .reduce((a, b) -> b).orElse("").contains("\"state\":\"not-listening\""), "5001 not-listening again");
        }
    }
}
