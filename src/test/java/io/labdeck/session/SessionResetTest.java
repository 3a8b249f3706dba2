package io.labdeck.session;

import io.labdeck.session.store.SessionStore;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code POST /api/sessions/{id}/reset} on a real engine: the learner's files are gone with the old sandbox, the
 * lab's and the open steps' setups run again in the new one, and what passed stays passed.
 */
@QuarkusTest
class SessionResetTest {

    @Inject
    SandboxProvisioner sandboxes;
    @Inject
    SessionStore store;

    private int exec(SandboxRef sandbox, String script) {
        return sandboxes.exec(sandbox, ExecRequest.shell(script, Duration.ofSeconds(10))).exitCode();
    }

    @Test
    void aResetGivesAFreshSandboxAndKeepsProgress() {
        SessionApi.Started s = SessionApi.start("check-fixture", "ja");
        try {
            SandboxRef before = SessionApi.sandbox(store, s);
            assertThat(exec(before, "cd && touch made.txt")).isZero();
            given().cookie(OwnerToken.COOKIE, s.cookie()).post("/api/sessions/" + s.id() + "/steps/make-file/check")
                    .then().statusCode(200).body("passed", equalTo(true));
            assertThat(exec(before, "cd && test -f follow-up-setup.txt")).as("the opened step's setup ran").isZero();

            given().cookie(OwnerToken.COOKIE, s.cookie()).post("/api/sessions/" + s.id() + "/reset").then()
                    .statusCode(200).body("status", equalTo("ready"))
                    .body("steps.find { it.id == 'make-file' }.status", equalTo("passed"));
            SandboxRef after = SessionApi.sandbox(store, s);
            assertThat(after.id()).isNotEqualTo(before.id());
            assertThat(sandboxes.inspect(before).exists()).as("the old sandbox is gone").isFalse();
            assertThat(exec(after, "cd && test -f made.txt")).as("the learner's files went with it").isNotZero();
            assertThat(exec(after, "test -f /root/session-from-setup.txt")).as("the lab's setup ran again").isZero();
            assertThat(exec(after, "cd && test -f follow-up-setup.txt")).as("the open step's setup ran again")
                    .isZero();
            assertThat(exec(after, "cd && touch second.txt")).isZero();
            given().cookie(OwnerToken.COOKIE, s.cookie()).post("/api/sessions/" + s.id() + "/steps/follow-up/check")
                    .then().statusCode(200).body("passed", equalTo(true));
            given().post("/api/sessions/" + s.id() + "/reset").then().statusCode(403);
        } finally {
            SessionApi.end(s);
        }
    }
}
