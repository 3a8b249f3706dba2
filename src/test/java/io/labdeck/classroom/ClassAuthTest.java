package io.labdeck.classroom;

import static io.labdeck.classroom.ClassApi.admin;
import static io.labdeck.classroom.ClassApi.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.session.OwnerToken;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Who may use the class routes: 401 without credentials (and with wrong ones), 403 for learners, and an instructor
 * of class A can neither read nor change class B. Instructors add instructors. On in-memory sandboxes.
 */
@Tag("fast")
@QuarkusTest
@TestProfile(ClassroomProfile.class)
class ClassAuthTest {

    private final List<ClassApi.Learner> learners = new ArrayList<>();

    @AfterEach
    void endAll() {
        learners.forEach(ClassApi::end);
        learners.clear();
    }

    /** A second instructor, added by the first through the route (the name is the test's own). */
    private RequestSpecification newInstructor(String name) {
        admin().body("{\"username\":\"" + name + "\",\"password\":\"" + name + "-password\"}").post("/api/instructors")
                .then().statusCode(201).body("username", equalTo(name));
        return as(name, name + "-password");
    }

    @Test
    void creatingAClassNeedsAnInstructor() {
        String body = "{\"name\":\"Docker 101\",\"labId\":\"gated-fixture\",\"lang\":\"ja\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/classes").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic")).body("error", equalTo("not-signed-in"));
        as(ClassroomProfile.ADMIN, "wrong-password").body(body).post("/api/classes").then().statusCode(401);
        ClassApi.Made made = ClassApi.create("gated-fixture");
        ClassApi.Learner learner = ClassApi.join(made.joinCode(), "Kim");
        learners.add(learner);
        ClassApi.learner(learner.cookie()).body(body).post("/api/classes").then().statusCode(403)
                .body("error", equalTo("forbidden"));

        var created = admin().body(body).post("/api/classes").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/classes/"))
                .body("joinCode", org.hamcrest.Matchers.matchesPattern("[ACEFHJKMNPRTWXY3479]{6}"))
                .body("state", equalTo("open")).body("instructor", equalTo(ClassroomProfile.ADMIN))
                .extract().jsonPath();
        assertThat(created.getString("joinUrl")).endsWith("/join/" + created.getString("joinCode"));
        assertThat(created.getString("qrUrl")).isEqualTo("/api/classes/" + created.getString("id") + "/qr.svg");
    }

    @Test
    void everyClassRouteRefusesAnonymousCallersLearnersAndOtherInstructors() {
        ClassApi.Made a = ClassApi.create("gated-fixture");
        ClassApi.Learner learner = ClassApi.join(a.joinCode(), "Sato");
        learners.add(learner);
        RequestSpecification bob = newInstructor("bob-" + System.nanoTime() % 100000);
        String base = "/api/classes/" + a.id();
        List<String[]> routes = List.of(new String[] {"GET", base}, new String[] {"GET", base + "/progress"},
                new String[] {"GET", base + "/progress.csv"}, new String[] {"GET", base + "/qr.svg"},
                new String[] {"GET", base + "/events"}, new String[] {"POST", base + "/extend"},
                new String[] {"POST", base + "/sessions/" + learner.sessionId() + "/extend"},
                new String[] {"POST", base + "/close"});
        for (String[] route : routes) {
            String what = route[0] + " " + route[1];
            assertThat(send(given().contentType(ContentType.JSON), route)).as(what + " anonymous").isEqualTo(401);
            assertThat(send(ClassApi.learner(learner.cookie()), route)).as(what + " learner").isEqualTo(403);
            assertThat(send(bob, route)).as(what + " another instructor").isEqualTo(403);
        }
        // Class B's instructor cannot reset class A's learner nor answer their hand; A's instructor can.
        bob.post("/api/sessions/" + learner.sessionId() + "/reset").then().statusCode(403);
        bob.delete("/api/sessions/" + learner.sessionId() + "/help").then().statusCode(403);
        given().post("/api/sessions/" + learner.sessionId() + "/reset").then().statusCode(403);
        // None of it changed anything: the class is open and its learner's session is as it was.
        admin().get(base).then().statusCode(200).body("state", equalTo("open"));
        admin().get(base + "/progress").then().statusCode(200).body("learners.sessionId", hasItem(learner.sessionId()))
                .body("learners[0].status", equalTo("ready"));
        bob.get("/api/classes").then().statusCode(200).body("size()", equalTo(0));
        admin().get("/api/classes").then().statusCode(200).body("id", hasItem(a.id()));
        // An unknown class is 404 for an instructor, and still 401 for nobody.
        admin().get("/api/classes/nosuchclass/progress").then().statusCode(404)
                .body("error", equalTo("class-not-found"));
        given().get("/api/classes/nosuchclass/progress").then().statusCode(401);
    }

    private static int send(RequestSpecification spec, String[] route) {
        return route[0].equals("GET") ? spec.get(route[1]).statusCode() : spec.body("{}").post(route[1]).statusCode();
    }

    @Test
    void instructorsAddInstructorsWhoCanThenSignIn() {
        String name = "carol-" + System.nanoTime() % 100000;
        String body = "{\"username\":\"" + name + "\",\"password\":\"carol-password\"}";
        given().contentType(ContentType.JSON).body(body).post("/api/instructors").then().statusCode(401);
        as(name, "carol-password").get("/api/instructors/me").then().statusCode(401);
        admin().body(body).post("/api/instructors").then().statusCode(201);
        admin().body(body).post("/api/instructors").then().statusCode(409).body("error", equalTo("instructor-exists"));
        admin().body("{\"username\":\"dave\",\"password\":\"short\"}").post("/api/instructors").then().statusCode(400)
                .body("message", org.hamcrest.Matchers.containsString("8 to 72"));
        admin().body("{\"username\":\"no spaces\",\"password\":\"long-enough\"}").post("/api/instructors").then()
                .statusCode(400);
        as(name, "carol-password").get("/api/instructors/me").then().statusCode(200).body("username", equalTo(name));
        as(name, "carol-password").get("/api/instructors").then().statusCode(200)
                .body("username", hasItem(ClassroomProfile.ADMIN)).body("username", hasItem(name));
        given().cookie(OwnerToken.COOKIE, "made-up").get("/api/instructors/me").then().statusCode(401);
    }
}
