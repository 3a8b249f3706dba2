package io.labdeck.terminal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.labdeck.testing.TerminalClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A command typed into the terminal turns its step green over the websocket, with no check call. */
@QuarkusTest
class AutoCheckSocketTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private String sessionId;
    private String cookie;

    private TestSession session;

    @BeforeEach
    void startSession() {
        session = TestSession.start("check-fixture", "ko");
        sessionId = session.id();
        cookie = session.cookie();
    }

    @AfterEach
    void endSession() {
        session.end();
    }

    @Test
    void aTypedCommandBringsACheckMessageAndThePassIsStored() throws Exception {
        double timedOutBefore = autoTimeouts();
        try (TerminalClient t = TerminalClient.connect(port, sessionId, cookie, false)) {
            t.awaitText(s -> s.contains("# "), "the prompt");
            t.type("touch made.txt\n");
            t.awaitControls(c -> c.stream().anyMatch(m -> m.contains("\"type\":\"check\"")
                    && m.contains("\"stepId\":\"make-file\"") && m.contains("\"passed\":true")), "a check message");
        }
        JsonPath view = given().cookie("labdeck_owner", cookie).get("/api/sessions/" + sessionId).jsonPath();
        assertThat(view.getString("steps.find { it.id == 'make-file' }.status")).isEqualTo("passed");
        // The same round ran slow's check to its 2 s deadline; a background check that fails or times out does
        // not mark a step the learner has not tried as failed.
        await().atMost(Duration.ofSeconds(20)).alias("slow's background check timed out")
                .until(() -> autoTimeouts() > timedOutBefore);
        view = given().cookie("labdeck_owner", cookie).get("/api/sessions/" + sessionId).jsonPath();
        assertThat(view.getString("steps.find { it.id == 'slow' }.status")).isEqualTo("pending");
        List<String> triggers = given().cookie("labdeck_owner", cookie).get("/api/sessions/" + sessionId + "/checks")
                .jsonPath().getList("findAll { it.stepId == 'make-file' }.trigger");
        assertThat(triggers).isNotEmpty().containsOnly("auto");
    }

    /** Background checks that ran into their deadline, from /q/metrics. */
    private static double autoTimeouts() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("labdeck_checks_seconds_count{") && l.contains("outcome=\"timed_out\"")
                        && l.contains("trigger=\"auto\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
