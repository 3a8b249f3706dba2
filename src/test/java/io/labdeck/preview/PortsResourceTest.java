package io.labdeck.preview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ListeningPort;
import io.labdeck.sandbox.ListeningPort.Scope;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.fake.FakeSandboxPorts;
import io.labdeck.session.FakeSandboxProfile;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.store.SessionStore;
import io.labdeck.testing.TerminalClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The ports API and the websocket's ports message above the SPI, on in-memory sandboxes: the owner rule, the lab's
 * ports (5001 named, 8000-8100 allowed) and a change pushed to the open terminal.
 */
@QuarkusTest
@TestProfile(FakeSandboxProfile.class)
@Tag("fast")
class PortsResourceTest {

    @Inject
    FakeSandboxPorts ports;
    @Inject
    SessionStore store;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private String id;
    private String cookie;

    @BeforeEach
    void start() {
        var response = given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.14.0.2")
                .body("{\"labId\":\"ports-fixture\",\"lang\":\"ja\"}").post("/api/sessions");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        id = response.jsonPath().getString("id");
        cookie = response.getCookie(OwnerToken.COOKIE);
    }

    @AfterEach
    void end() {
        given().cookie(OwnerToken.COOKIE, cookie).delete("/api/sessions/" + id);
    }

    private SandboxRef sandbox() {
        return new SandboxRef(id, store.find(id).orElseThrow().sandboxId().orElseThrow());
    }

    @Test
    void theLabsNamedPortShowsBeforeItListensAndPortsOutsideTheLabsAreLeftOut() {
        ports.set(sandbox(), new ListeningPort(8002, Scope.LOOPBACK, 1), new ListeningPort(8003, Scope.ENGINE, 2),
                new ListeningPort(9000, Scope.REACHABLE, 3), new ListeningPort(2375, Scope.REACHABLE, 4));
        given().cookie(OwnerToken.COOKIE, cookie).get("/api/sessions/" + id + "/ports").then().statusCode(200)
                .body("port", contains(5001, 8002, 8003))
                .body("[0].url", equalTo("/sessions/" + id + "/ports/5001/"))
                .body("[0].state", equalTo("not-listening")).body("[0].answering", equalTo(false))
                .body("[0].reason", equalTo("nothing listens on 5001 yet"))
                .body("[1].state", equalTo("local-only")).body("[1].reasonCode", equalTo("loopback-only"))
                .body("[2].state", equalTo("local-only")).body("[2].reasonCode", equalTo("engine-only"));
    }

    @Test
    void onlyTheOwnerMayAndUnknownSessionsAre404() {
        given().get("/api/sessions/" + id + "/ports").then().statusCode(403);
        given().cookie(OwnerToken.COOKIE, "someone-else").get("/api/sessions/" + id + "/ports").then()
                .statusCode(403);
        given().cookie(OwnerToken.COOKIE, cookie).get("/api/sessions/nosuchsession/ports").then().statusCode(404);
    }

    @Test
    void anEndedSessionIs409() {
        given().cookie(OwnerToken.COOKIE, cookie).delete("/api/sessions/" + id).then().statusCode(204);
        given().cookie(OwnerToken.COOKIE, cookie).get("/api/sessions/" + id + "/ports").then().statusCode(409);
    }

    @Test
    void theOpenTerminalIsToldWhenAPortOpensAndWhenItCloses() throws Exception {
        try (TerminalClient t = TerminalClient.connect(port, id, cookie, false)) {
            t.awaitControls(c -> c.stream().anyMatch(m -> m.contains("\"type\":\"ports\"")
                    && m.contains("\"port\":5001") && m.contains("not-listening")), "the first ports message");
            long started = System.nanoTime();
            ports.set(sandbox(), new ListeningPort(8050, Scope.LOOPBACK, 1));
            t.awaitControls(c -> c.stream().anyMatch(m -> m.contains("\"type\":\"ports\"")
                    && m.contains("\"port\":8050")), "8050 in a ports message");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("within about a poll")
                    .isLessThan(Duration.ofMillis(2500));
            int before = t.controls().size();
            ports.set(sandbox());
            t.awaitControls(c -> c.stream().skip(before).anyMatch(m -> m.contains("\"type\":\"ports\"")
                    && !m.contains("8050")), "8050 gone from a later ports message");
        }
    }
}
