package io.labdeck.session;

import io.labdeck.session.store.SessionStore;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The check endpoint and step gating, on real sandboxes (fixture labs check-fixture and gated-fixture). */
@QuarkusTest
class StepResourceTest {

    @Inject
    SandboxProvisioner sandboxes;
    @Inject
    SessionStore store;

    private final java.util.List<SessionApi.Started> started = new java.util.ArrayList<>();

    @AfterEach
    void end() {
        started.forEach(SessionApi::end);
    }

    private SessionApi.Started start(String lab, String lang) {
        SessionApi.Started s = SessionApi.start(lab, lang);
        started.add(s);
        return s;
    }

    private Response check(SessionApi.Started s, String step) {
        return given().cookie(OwnerToken.COOKIE, s.cookie()).post("/api/sessions/" + s.id() + "/steps/" + step
                + "/check");
    }

    private JsonPath view(SessionApi.Started s) {
        return given().cookie(OwnerToken.COOKIE, s.cookie()).get("/api/sessions/" + s.id()).then().statusCode(200)
                .extract().jsonPath();
    }

    private ExecResult exec(SessionApi.Started s, String script) {
        SandboxRef ref = new SandboxRef(s.id(), store.find(s.id()).orElseThrow().sandboxId().orElseThrow());
        return sandboxes.exec(ref, ExecRequest.shell(script, Duration.ofSeconds(10)));
    }

    @Test
    void aCheckFailsWithItsFailReasonAndHintThenPassesAfterTheWorkIsDone() {
        SessionApi.Started s = start("check-fixture", "ja");
        check(s, "make-file").then().statusCode(200).body("passed", equalTo(false))
                .body("message", equalTo("made.txt is missing"))
                .body("hint", equalTo("touch made.txt を実行してください。"))
                .body("status", equalTo("failed"));
        assertThat(view(s).getString("steps.find { it.id == 'make-file' }.status")).isEqualTo("failed");

        // The check runs where the learner's shell starts: made.txt in the home directory is what it looks for.
        assertThat(exec(s, "cd && touch made.txt").exitCode()).isZero();
        check(s, "make-file").then().statusCode(200).body("passed", equalTo(true))
                .body("message", equalTo("made.txt is there")).body("hint", equalTo(null));

        JsonPath after = view(s);
        assertThat(after.getString("steps.find { it.id == 'make-file' }.status")).isEqualTo("passed");
        assertThat(after.getString("steps.find { it.id == 'make-file' }.checkedAt")).isNotBlank();
        List<Map<String, Object>> history = given().cookie(OwnerToken.COOKIE, s.cookie())
                .get("/api/sessions/" + s.id() + "/checks").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.stepId == 'make-file' }");
        assertThat(history).extracting(h -> h.get("passed")).containsExactly(false, true);
        assertThat(history).extracting(h -> h.get("trigger")).containsOnly("button");
        assertThat(given().get("/q/metrics").asString())
                .containsPattern("labdeck_checks_seconds_count\\{[^}]*outcome=\"failed\"[^}]*trigger=\"button\"");
    }

    @Test
    void placeholdersAreFilledInTheLabSetupToo() {
        SessionApi.Started s = start("check-fixture", "ja");
        assertThat(exec(s, "cat /root/session-from-setup.txt").stdout()).isEqualTo(s.id() + "\n");
    }

    @Test
    void theHintIsInTheSessionsLanguage() {
        SessionApi.Started s = start("check-fixture", "ko");
        check(s, "make-file").then().statusCode(200).body("passed", equalTo(false))
                .body("hint", equalTo("touch made.txt 를 실행하세요."));
    }

    @Test
    void aHangingAFloodingAndASelfKillingCheckFailClearlyAndTheSandboxStaysUsable() {
        SessionApi.Started s = start("check-fixture", "ja");
        long before = System.nanoTime();
        check(s, "slow").then().statusCode(200).body("passed", equalTo(false))
                .body("message", equalTo("The check did not finish within 2 s and was stopped."))
                .body("hint", equalTo("待ちすぎです。"));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("the deadline, not the script's 30 s")
                .isLessThan(Duration.ofSeconds(10));

        JsonPath flood = check(s, "flood").then().statusCode(200).body("passed", equalTo(false)).extract().jsonPath();
        // A check's output is limited: a flood is stopped when it has printed too much, or at its deadline.
        assertThat(flood.getString("message")).contains("flooding-the-check", "(output was cut short)")
                .containsAnyOf("printed more than is kept", "did not finish within 2 s")
                .hasSizeLessThanOrEqualTo(1000);

        check(s, "suicide").then().statusCode(200).body("passed", equalTo(false))
                .body("message", containsString("killed"));

        ExecResult still = exec(s, "echo still-here; ps | grep -c -e '[s]leep 30' -e '[y]es flooding' || true");
        assertThat(still.stdout()).startsWith("still-here\n0");
    }

    @Test
    void aStepOpensWhenItsNeedsHavePassedAndThenItsSetupRuns() {
        SessionApi.Started s = start("check-fixture", "ja");
        JsonPath v = view(s);
        assertThat(v.getString("steps.find { it.id == 'follow-up' }.status")).isEqualTo("blocked");
        assertThat(v.getList("steps.find { it.id == 'follow-up' }.waitingFor")).containsExactly("make-file");
        check(s, "follow-up").then().statusCode(409).body("error", equalTo("step-blocked"))
                .body("message", containsString("make-file"));
        assertThat(exec(s, "test -f follow-up-setup.txt").exitCode()).as("setup waits for the step to open")
                .isNotZero();

        exec(s, "touch made.txt second.txt");
        check(s, "make-file").then().body("passed", equalTo(true));
        assertThat(view(s).getString("steps.find { it.id == 'follow-up' }.status")).isEqualTo("pending");
        assertThat(exec(s, "cat follow-up-setup.txt").stdout()).isEqualTo("opened\n");
        check(s, "follow-up").then().statusCode(200).body("passed", equalTo(true));
    }

    @Test
    void aFailedStepSetupIsShownAndCanBeRetried() {
        SessionApi.Started s = start("check-fixture", "ja");
        assertThat(view(s).getString("steps.find { it.id == 'bad-setup' }.setupError"))
                .contains("exit 3", "allow-setup is missing");
        given().cookie(OwnerToken.COOKIE, s.cookie()).post("/api/sessions/" + s.id() + "/steps/bad-setup/setup")
                .then().statusCode(200).body("ok", equalTo(false));

        exec(s, "touch allow-setup");
        given().cookie(OwnerToken.COOKIE, s.cookie()).post("/api/sessions/" + s.id() + "/steps/bad-setup/setup")
                .then().statusCode(200).body("ok", equalTo(true));
        assertThat(view(s).getString("steps.find { it.id == 'bad-setup' }.setupError")).isNull();
        check(s, "bad-setup").then().body("passed", equalTo(true));
    }

    @Test
    void inAGatedLabEachStepOpensWhenTheOneBeforeHasPassedAndTheEndSaysComplete() {
        SessionApi.Started s = start("gated-fixture", "ja");
        assertThat(view(s).getList("steps.status")).containsExactly("pending", "blocked");
        exec(s, "touch first.txt second.txt");
        check(s, "second").then().statusCode(409).body("message", containsString("first"));
        check(s, "first").then().body("passed", equalTo(true)).body("completed", equalTo(false));
        check(s, "second").then().body("passed", equalTo(true)).body("completed", equalTo(true));
        assertThat(view(s).getBoolean("completed")).isTrue();
    }

    @Test
    void unknownStepsStrangersAndSolveOutsideAuthoringModeAreRefused() {
        SessionApi.Started s = start("gated-fixture", "ja");
        check(s, "nope").then().statusCode(404).body("error", equalTo("step-not-found"))
                .body("message", containsString("first, second"));
        given().cookie(OwnerToken.COOKIE, "someone-else").post("/api/sessions/" + s.id() + "/steps/first/check")
                .then().statusCode(403);
        given().post("/api/sessions/" + s.id() + "/steps/first/check").then().statusCode(403);
        given().cookie(OwnerToken.COOKIE, s.cookie()).post("/api/sessions/" + s.id() + "/steps/first/solve")
                .then().statusCode(404).body("error", equalTo("authoring-disabled"));
        assertThat(exec(s, "test -f first.txt").exitCode()).isNotZero();
    }

    @Test
    void aCheckOfAnEndedSessionSaysSo() {
        SessionApi.Started s = start("gated-fixture", "ja");
        SessionApi.end(s);
        check(s, "first").then().statusCode(409).body("error", equalTo("session-not-ready"))
                .body("message", containsString("ended"));
    }
}
