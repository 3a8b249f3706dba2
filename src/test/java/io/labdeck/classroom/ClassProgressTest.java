package io.labdeck.classroom;

import static io.labdeck.classroom.ClassApi.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.fake.FakeSandboxProvisioner;
import io.labdeck.session.MutableClock;
import io.labdeck.session.store.SessionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * What an instructor sees and does: the grid (current step, time on it, failed checks, who is stuck), its CSV,
 * raised hands, extensions, resets that keep progress, and the event log with its counts in /q/metrics.
 */
@Tag("fast")
@QuarkusTest
@TestProfile(ClassroomProfile.class)
class ClassProgressTest {

    @Inject
    FakeSandboxProvisioner sandboxes;
    @Inject
    MutableClock clock;
    @Inject
    SessionStore store;

    private final List<ClassApi.Learner> learners = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        sandboxes.resetExits();
        clock.reset();
        learners.forEach(ClassApi::end);
        learners.clear();
    }

    private ClassApi.Learner join(String code, String name) {
        ClassApi.Learner l = ClassApi.join(code, name);
        learners.add(l);
        return l;
    }

    private static JsonPath grid(ClassApi.Made c) {
        return admin().get("/api/classes/" + c.id() + "/progress").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theGridShowsEachLearnersStepFailsAndWhoIsStuck() {
        ClassApi.Made c = ClassApi.create("gated-fixture");
        ClassApi.Learner kim = join(c.joinCode(), "Kim");
        ClassApi.Learner sato = join(c.joinCode(), "Sato");
        JsonPath start = grid(c);
        assertThat(start.getList("learners.displayName")).containsExactly("Kim", "Sato");
        assertThat(start.getList("learners[0].steps.status")).containsExactly("pending", "blocked");
        assertThat(start.getString("learners[0].currentStep")).isEqualTo("first");
        assertThat(start.getBoolean("learners[0].stuck")).isFalse();
        assertThat(start.getList("steps.id")).containsExactly("first", "second");

        sandboxes.exitWith("first.txt", 1);
        for (int i = 0; i < 3; i++) {
            ClassApi.check(kim, "first").then().statusCode(200).body("passed", equalTo(false));
        }
        sandboxes.resetExits();
        ClassApi.check(sato, "first").then().statusCode(200).body("passed", equalTo(true));
        JsonPath after = grid(c);
        assertThat(after.getInt("learners[0].failedChecks")).isEqualTo(3);
        assertThat(after.getBoolean("learners[0].stuck")).as("three fails of the step they are on").isTrue();
        assertThat(after.getString("learners[0].stuckReason")).isEqualTo("repeated-fails");
        assertThat(after.getList("learners[0].steps.status")).containsExactly("failed", "blocked");
        assertThat(after.getString("learners[1].currentStep")).isEqualTo("second");
        assertThat(after.getList("learners[1].steps.status")).containsExactly("passed", "pending");
        assertThat(after.getString("learners[1].steps[0].passedAt")).isNotBlank();
        assertThat(after.getBoolean("learners[1].stuck")).isFalse();
        assertThat(after.getInt("steps[0].passed")).isEqualTo(1);
        assertThat(after.getList("steps[0].stuck")).containsExactly(kim.sessionId());
        assertThat(after.getString("learners[1].lastActivity")).isNotBlank();

        // Time passes: Sato has not passed the second step for longer than labdeck.classroom.stuck-after.
        clock.advance(Duration.ofMinutes(11));
        JsonPath later = grid(c);
        assertThat(later.getBoolean("learners[1].stuck")).isTrue();
        assertThat(later.getString("learners[1].stuckReason")).isEqualTo("no-pass");
        assertThat(later.getLong("learners[1].secondsOnStep")).isGreaterThanOrEqualTo(660);
        assertThat(later.getList("steps[1].stuck")).containsExactly(sato.sessionId());
    }

    @Test
    void theCsvHasEveryLearnerWithPassTimesAndDefusesFormulas() {
        ClassApi.Made c = ClassApi.create("gated-fixture");
        ClassApi.Learner done = join(c.joinCode(), "Lee, \\\"Jay\\\"");
        join(c.joinCode(), "=HYPERLINK(1)");
        ClassApi.check(done, "first").then().body("passed", equalTo(true));
        ClassApi.check(done, "second").then().body("passed", equalTo(true));
        String csv = admin().get("/api/classes/" + c.id() + "/progress.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("attachment"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("display_name,session_id,status,joined_at,completed_at,failed_checks,"
                + "current_step,stuck,lang,first,second");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("\"Lee, \"\"Jay\"\"\"," + done.sessionId() + ",ready,");
        String[] cells = lines[1].substring(lines[1].indexOf(done.sessionId())).split(",");
        assertThat(Instant.parse(cells[3])).as("completed_at").isNotNull();
        assertThat(Instant.parse(cells[9])).as("second passed at").isEqualTo(Instant.parse(cells[3]));
        assertThat(lines[2]).startsWith("'=HYPERLINK(1),").endsWith(",first,false,ja,pending,blocked");
    }

    @Test
    void aRaisedHandShowsUntilTheInstructorAnswersIt() {
        ClassApi.Made c = ClassApi.create("gated-fixture");
        ClassApi.Learner kim = join(c.joinCode(), "Kim");
        String help = "/api/sessions/" + kim.sessionId() + "/help";
        ClassApi.learner(kim.cookie()).body("{\"message\":\"docker says permission denied\"}").post(help).then()
                .statusCode(201).body("stepId", equalTo("first")).body("raised", equalTo(true));
        ClassApi.learner(kim.cookie()).post(help).then().statusCode(200).body("message",
                equalTo("docker says permission denied"));
        ClassApi.learner(null).post(help).then().statusCode(403);
        assertThat(grid(c).getString("learners[0].help.stepId")).isEqualTo("first");
        assertThat(grid(c).getString("learners[0].help.message")).isEqualTo("docker says permission denied");

        admin().delete(help).then().statusCode(204);
        assertThat(grid(c).getString("learners[0].help")).isNull();
        ClassApi.learner(kim.cookie()).get(help).then().statusCode(200).body("raised", equalTo(false));

        // A session outside any class has nobody to ask.
        var alone = ClassApi.learner(null).body("{\"labId\":\"gated-fixture\",\"lang\":\"ja\"}").post("/api/sessions");
        String cookie = alone.getCookie(io.labdeck.session.OwnerToken.COOKIE);
        learners.add(new ClassApi.Learner(alone.jsonPath().getString("id"), cookie, alone));
        ClassApi.learner(cookie).post("/api/sessions/" + alone.jsonPath().getString("id") + "/help").then()
                .statusCode(409).body("error", equalTo("not-in-class"));
        // and the lab page, which asks, shows it no class bar
        ClassApi.learner(cookie).get("/api/sessions/" + alone.jsonPath().getString("id") + "/help").then()
                .statusCode(409).body("error", equalTo("not-in-class"));
    }

    @Test
    void theInstructorExtendsEveryoneOrOneLearner() {
        ClassApi.Made c = ClassApi.create("gated-fixture");
        ClassApi.Learner a = join(c.joinCode(), "A");
        ClassApi.Learner b = join(c.joinCode(), "B");
        Instant aBefore = store.find(a.sessionId()).orElseThrow().expiresAt();
        Instant bBefore = store.find(b.sessionId()).orElseThrow().expiresAt();
        admin().body("{\"minutes\":15}").post("/api/classes/" + c.id() + "/extend").then().statusCode(200)
                .body("sessions.size()", equalTo(2)).body("sessions.extended", org.hamcrest.Matchers.everyItem(
                        equalTo(true)));
        assertThat(store.find(a.sessionId()).orElseThrow().expiresAt()).isEqualTo(aBefore.plus(Duration.ofMinutes(15)));
        admin().body("{}").post("/api/classes/" + c.id() + "/sessions/" + b.sessionId() + "/extend").then()
                .statusCode(200).body("extended", equalTo(true));
        assertThat(store.find(b.sessionId()).orElseThrow().expiresAt())
                .as("15 minutes for all, then the learner's own extension")
                .isEqualTo(bBefore.plus(Duration.ofMinutes(45)));
        admin().body("{\"minutes\":0}").post("/api/classes/" + c.id() + "/extend").then().statusCode(400);
        admin().body("{}").post("/api/classes/" + c.id() + "/sessions/nosuchsession/extend").then().statusCode(404);
        ClassApi.end(a);
        admin().body("{}").post("/api/classes/" + c.id() + "/sessions/" + a.sessionId() + "/extend").then()
                .statusCode(409).body("error", equalTo("cannot-extend"));
    }

    @Test
    void aResetGivesAFreshSandboxAndKeepsProgress() {
        ClassApi.Made c = ClassApi.create("gated-fixture");
        ClassApi.Learner kim = join(c.joinCode(), "Kim");
        ClassApi.check(kim, "first").then().body("passed", equalTo(true));
        int made = sandboxes.created();
        ClassApi.learner(kim.cookie()).post("/api/sessions/" + kim.sessionId() + "/reset").then().statusCode(200)
                .body("status", equalTo("ready")).body("steps.find { it.id == 'first' }.status", equalTo("passed"));
        admin().post("/api/sessions/" + kim.sessionId() + "/reset").then().statusCode(200);
        assertThat(sandboxes.created()).as("a new sandbox for each reset").isEqualTo(made + 2);
        assertThat(sandboxes.live()).as("the old ones are gone").isEqualTo(store.countLive());
        ClassApi.check(kim, "second").then().statusCode(200).body("passed", equalTo(true));
        ClassApi.end(kim);
        ClassApi.learner(kim.cookie()).post("/api/sessions/" + kim.sessionId() + "/reset").then().statusCode(409)
                .body("error", equalTo("session-not-ready"));
    }

    @Test
    void everyEventIsStoredInOneEnvelopeAndCounted() {
        ClassApi.Made c = ClassApi.create("gated-fixture");
        ClassApi.Learner kim = join(c.joinCode(), "Kim");
        sandboxes.exitWith("first.txt", 1);
        ClassApi.check(kim, "first").then().body("passed", equalTo(false));
        sandboxes.resetExits();
        ClassApi.check(kim, "first").then().body("passed", equalTo(true));
        ClassApi.learner(kim.cookie()).post("/api/sessions/" + kim.sessionId() + "/help").then().statusCode(201);
        admin().delete("/api/sessions/" + kim.sessionId() + "/help").then().statusCode(204);
        admin().body("{\"minutes\":5}").post("/api/classes/" + c.id() + "/extend").then().statusCode(200);
        ClassApi.learner(kim.cookie()).post("/api/sessions/" + kim.sessionId() + "/reset").then().statusCode(200);
        ClassApi.end(kim);
        List<String> expected = List.of("class.created", "class.joined", "session.started", "step.failed",
                "step.passed", "help.requested", "help.answered", "session.extended", "session.reset",
                "session.ended");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(events(c).getList("event"))
                .containsAll(expected));
        List<Map<String, Object>> all = events(c).getList("$");
        Map<String, Object> passed = all.stream().filter(e -> e.get("event").equals("step.passed")).findFirst()
                .orElseThrow();
        assertThat(passed).containsOnlyKeys("id", "event", "timestamp", "class", "session", "lab", "step", "data")
                .containsEntry("class", c.id()).containsEntry("session", kim.sessionId())
                .containsEntry("lab", "gated-fixture").containsEntry("step", "first");
        assertThat(passed.get("data")).asString().contains("trigger=button");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("labdeck_events_total{event=\"class.joined\"}"))
                .body(containsString("labdeck_events_total{event=\"step.passed\"}"));
        assertThat(all.stream().filter(e -> e.get("event").equals("class.created")).findFirst().orElseThrow()
                .get("session")).isNull();
    }

    private static JsonPath events(ClassApi.Made c) {
        return admin().get("/api/classes/" + c.id() + "/events").then().statusCode(200).extract().jsonPath();
    }
}
