package io.labdeck.classroom;

import static io.labdeck.classroom.ClassApi.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionState;
import io.labdeck.session.store.SessionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Learners join a class with its code and a name: they get a session as from POST /api/sessions, resume it from
 * the same browser, are held to the seat limit and the class's times, and are not held to the browser's quota.
 */
@Tag("fast")
@QuarkusTest
@TestProfile(ClassroomProfile.class)
class ClassJoinTest {

    @Inject
    SessionStore store;

    private final List<ClassApi.Learner> learners = new ArrayList<>();

    @AfterEach
    void endAll() {
        learners.forEach(ClassApi::end);
        learners.clear();
    }

    private ClassApi.Learner join(String code, String name, String cookie) {
        ClassApi.Learner l = ClassApi.join(code, name, cookie);
        learners.add(l);
        return l;
    }

    @Test
    void aLearnerJoinsAndTheSameBrowserResumesItsSession() {
        ClassApi.Made c = ClassApi.create("gated-fixture");
        ClassApi.Learner kim = join(c.joinCode(), "김민지", null);
        kim.response().then().statusCode(201).body("labId", equalTo("gated-fixture")).body("lang", equalTo("ja"))
                .body("status", equalTo("ready")).body("classId", equalTo(c.id()))
                .body("displayName", equalTo("김민지")).body("resumed", equalTo(false))
                .body("terminalUrl", equalTo("/api/sessions/" + kim.sessionId() + "/terminal"));
        assertThat(kim.cookie()).as("the owner cookie, as a start sets it").isNotBlank();
        assertThat(kim.response().getDetailedCookie(OwnerToken.COOKIE).isHttpOnly()).isTrue();
        ClassApi.learner(kim.cookie()).get("/api/sessions/" + kim.sessionId()).then().statusCode(200)
                .body("status", equalTo("ready"));

        // The same browser, typing the code as it hears it, gets the same session back.
        String typed = c.joinCode().substring(0, 3).toLowerCase() + " " + c.joinCode().substring(3);
        ClassApi.Learner again = join(typed, "김민지", kim.cookie());
        assertThat(again.sessionId()).isEqualTo(kim.sessionId());
        again.response().then().statusCode(201).body("resumed", equalTo(true));
        // Another browser is another learner.
        assertThat(join(c.joinCode(), "Sato", null).sessionId()).isNotEqualTo(kim.sessionId());
        admin().get("/api/classes/" + c.id() + "/progress").then().body("learners.size()", equalTo(2));

        // After the session ended, the browser joins again into a new session, still one learner.
        ClassApi.end(kim);
        ClassApi.Learner back = join(c.joinCode(), "김민지", kim.cookie());
        assertThat(back.sessionId()).isNotEqualTo(kim.sessionId());
        admin().get("/api/classes/" + c.id() + "/progress").then().body("learners.size()", equalTo(2))
                .body("learners[0].sessionId", equalTo(back.sessionId()));
    }

    @Test
    void eachLearnerReadsTheLabInALanguageOfTheirOwn() {
        ClassApi.Made c = ClassApi.create("gated-fixture"); // held in Japanese
        ClassApi.learner(null).get("/api/classes/join/" + c.joinCode()).then().statusCode(200)
                .body("className", equalTo("Workshop")).body("lang", equalTo("ja"))
                .body("languages", org.hamcrest.Matchers.contains("ja", "ko"))
                .body("labTitles.ko", equalTo("차례대로 진행하는 실습"));
        String other = "ACEFHJ".equals(c.joinCode()) ? "ACEFHK" : "ACEFHJ";
        ClassApi.learner(null).get("/api/classes/join/" + other).then().statusCode(404)
                .body("error", equalTo("class-not-found"));

        ClassApi.Learner sato = join(c.joinCode(), "Sato", null);
        sato.response().then().body("lang", equalTo("ja"));
        Response r = ClassApi.learner(null).body("{\"joinCode\":\"" + c.joinCode() + "\",\"displayName\":\"Kim\","
                + "\"lang\":\"ko\"}").post("/api/classes/join");
        r.then().statusCode(201).body("lang", equalTo("ko"));
        learners.add(new ClassApi.Learner(r.jsonPath().getString("id"), r.getCookie(OwnerToken.COOKIE), r));
        ClassApi.learner(r.getCookie(OwnerToken.COOKIE)).get("/api/sessions/" + r.jsonPath().getString("id")).then()
                .body("lang", equalTo("ko"));
        admin().get("/api/classes/" + c.id() + "/progress").then()
                .body("learners.find { it.displayName == 'Kim' }.lang", equalTo("ko"))
                .body("learners.find { it.displayName == 'Sato' }.lang", equalTo("ja"));

        ClassApi.learner(null).body("{\"joinCode\":\"" + c.joinCode() + "\",\"displayName\":\"Lee\","
                + "\"lang\":\"fr\"}").post("/api/classes/join").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("'fr'"),
                        org.hamcrest.Matchers.containsString("ja, ko")));
        admin().get("/api/classes/" + c.id() + "/progress").then().body("learners.size()", equalTo(2));
    }

    @Test
    void joinsWithABadCodeOrNameAreRefusedClearly() {
        ClassApi.Made c = ClassApi.create("gated-fixture");
        ClassApi.postJoin("ACEFHJ".equals(c.joinCode()) ? "ACEFHK" : "ACEFHJ", "Kim", null).then().statusCode(404)
                .body("error", equalTo("class-not-found"));
        ClassApi.postJoin("0O1IL5", "Kim", null).then().statusCode(400).body("error", equalTo("invalid-request"));
        ClassApi.postJoin(c.joinCode(), "   ", null).then().statusCode(400).body("message",
                org.hamcrest.Matchers.containsString("display name"));
        ClassApi.postJoin(c.joinCode(), "x".repeat(41), null).then().statusCode(400);
        ClassApi.postJoin(c.joinCode(), "Kim\\u0007", null).then().statusCode(400);
        ClassApi.learner(null).body("{}").post("/api/classes/join").then().statusCode(400);
        assertThat(store.countLive()).as("no refused join started anything").isZero();
    }

    @Test
    void theSeatLimitHoldsButALearnerWithASeatGetsBackIn() {
        ClassApi.Made c = ClassApi.create(admin(), "{\"name\":\"Small\",\"labId\":\"gated-fixture\",\"lang\":\"ja\","
                + "\"seats\":2}");
        ClassApi.Learner a = join(c.joinCode(), "A", null);
        join(c.joinCode(), "B", null);
        Response third = ClassApi.postJoin(c.joinCode(), "C", null);
        third.then().statusCode(409).body("error", equalTo("class-full"))
                .body("message", org.hamcrest.Matchers.containsString("2 seats"));
        ClassApi.end(a);
        assertThat(join(c.joinCode(), "A", a.cookie()).response().statusCode()).as("A keeps their seat")
                .isEqualTo(201);
        ClassApi.postJoin(c.joinCode(), "C", null).then().statusCode(409);
    }

    @Test
    void theBrowsersQuotaDoesNotRefuseAClassButTheCapacityCountsItsSeats() {
        // A browser that holds its three sessions (one of this very lab) still joins the class.
        Response first = ClassApi.learner(null).body("{\"labId\":\"gated-fixture\",\"lang\":\"ja\"}")
                .post("/api/sessions");
        String cookie = first.getCookie(OwnerToken.COOKIE);
        learners.add(new ClassApi.Learner(first.jsonPath().getString("id"), cookie, first));
        for (String lab : List.of("check-fixture", "web-fixture")) {
            Response r = ClassApi.learner(cookie).body("{\"labId\":\"" + lab + "\",\"lang\":\"ja\"}")
                    .post("/api/sessions");
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
            learners.add(new ClassApi.Learner(r.jsonPath().getString("id"), cookie, r));
        }
        ClassApi.learner(cookie).body("{\"labId\":\"seed-placeholders\",\"lang\":\"ja\"}").post("/api/sessions")
                .then().statusCode(409).body("error", equalTo("owner-quota"));
        ClassApi.Made c = ClassApi.create("gated-fixture");
        ClassApi.Learner joined = join(c.joinCode(), "Busy", cookie);
        assertThat(store.find(joined.sessionId()).orElseThrow().state()).isEqualTo(SessionState.READY);
        assertThat(store.countLive()).as("the class's session counts toward the capacity").isEqualTo(4);
    }

    @Test
    void aClassIsJoinedOnlyBetweenItsStartAndItsEnd() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        ClassApi.Made scheduled = ClassApi.create(admin(), "{\"name\":\"Tomorrow\",\"labId\":\"gated-fixture\","
                + "\"lang\":\"ja\",\"startsAt\":\"" + later + "\"}");
        scheduled.response().then().body("state", equalTo("scheduled"));
        ClassApi.postJoin(scheduled.joinCode(), "Early", null).then().statusCode(409)
                .body("error", equalTo("class-not-started"));

        Instant end = Instant.now().plus(Duration.ofMinutes(45)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ClassApi.Made c = ClassApi.create(admin(), "{\"name\":\"Now\",\"labId\":\"gated-fixture\",\"lang\":\"ja\","
                + "\"endsAt\":\"" + end + "\"}");
        ClassApi.Learner l = join(c.joinCode(), "On time", null);
        assertThat(store.find(l.sessionId()).orElseThrow().expiresAt()).as("a class's session lasts until its end")
                .isEqualTo(end);
        admin().body("{\"name\":\"x\",\"labId\":\"gated-fixture\",\"lang\":\"ja\",\"endsAt\":\""
                + Instant.now().minusSeconds(60) + "\"}").post("/api/classes").then().statusCode(400);
        admin().body("{\"name\":\"x\",\"labId\":\"no-such-lab\",\"lang\":\"ja\"}").post("/api/classes").then()
                .statusCode(404).body("error", equalTo("lab-not-found"));
        admin().body("{\"name\":\"x\",\"labId\":\"gated-fixture\",\"lang\":\"ja\",\"seats\":0}").post("/api/classes")
                .then().statusCode(400);
    }

    @Test
    void closingAClassEndsItsSessionsAtTheChosenTimeAndRefusesJoins() {
        ClassApi.Made later = ClassApi.create("gated-fixture");
        ClassApi.Learner a = join(later.joinCode(), "A", null);
        Instant at = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        admin().body("{\"at\":\"" + at + "\"}").post("/api/classes/" + later.id() + "/close").then().statusCode(200)
                .body("state", equalTo("closed"));
        assertThat(store.find(a.sessionId()).orElseThrow().expiresAt()).isEqualTo(at);
        ClassApi.postJoin(later.joinCode(), "Late", null).then().statusCode(409).body("error", equalTo("class-closed"));
        assertThat(join(later.joinCode(), "A", a.cookie()).sessionId()).as("its learners still get back in")
                .isEqualTo(a.sessionId());

        ClassApi.Made now = ClassApi.create("gated-fixture");
        ClassApi.Learner b = join(now.joinCode(), "B", null);
        admin().post("/api/classes/" + now.id() + "/close").then().statusCode(200);
        assertThat(store.find(b.sessionId()).orElseThrow().state()).isEqualTo(SessionState.ENDED);
    }
}
