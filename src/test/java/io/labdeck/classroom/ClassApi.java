package io.labdeck.classroom;

import static io.restassured.RestAssured.given;

import java.util.concurrent.atomic.AtomicInteger;

import io.labdeck.session.OwnerToken;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Classes through the REST API, as an instructor's client and learners' browsers would use it. */
final class ClassApi {

    /** A learner who joined: their session and the cookie that owns it. */
    record Learner(String sessionId, String cookie, Response response) {
    }

    /** A created class. */
    record Made(String id, String joinCode, Response response) {
    }

    private static final AtomicInteger ADDRESS = new AtomicInteger();

    private ClassApi() {
    }

    static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password).contentType(ContentType.JSON);
    }

    static RequestSpecification admin() {
        return as(ClassroomProfile.ADMIN, ClassroomProfile.ADMIN_PASSWORD);
    }

    /** Each learner from an address of their own, so that no start rate is shared by accident. */
    static RequestSpecification learner(String cookie) {
        int n = ADDRESS.incrementAndGet();
        RequestSpecification r = given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "10.13." + (n / 250) + "." + (n % 250 + 1));
        return cookie == null ? r : r.cookie(OwnerToken.COOKIE, cookie);
    }

    static Made create(RequestSpecification as, String body) {
        Response r = as.body(body).post("/api/classes");
        if (r.statusCode() != 201) {
            throw new AssertionError("create failed: " + r.statusCode() + " " + r.asString());
        }
        return new Made(r.jsonPath().getString("id"), r.jsonPath().getString("joinCode"), r);
    }

    static Made create(String lab) {
        return create(admin(), "{\"name\":\"Workshop\",\"labId\":\"" + lab + "\",\"lang\":\"ja\"}");
    }

    static Response postJoin(String code, String name, String cookie) {
        return learner(cookie).body("{\"joinCode\":\"" + code + "\",\"displayName\":\"" + name + "\"}")
                .post("/api/classes/join");
    }

    static Learner join(String code, String name, String cookie) {
        Response r = postJoin(code, name, cookie);
        if (r.statusCode() != 201) {
            throw new AssertionError("join failed: " + r.statusCode() + " " + r.asString());
        }
        String owner = r.getCookie(OwnerToken.COOKIE);
        return new Learner(r.jsonPath().getString("id"), owner == null ? cookie : owner, r);
    }

    static Learner join(String code, String name) {
        return join(code, name, null);
    }

    static Response check(Learner l, String step) {
        return learner(l.cookie()).post("/api/sessions/" + l.sessionId() + "/steps/" + step + "/check");
    }

    static void end(Learner l) {
        given().cookie(OwnerToken.COOKIE, l.cookie()).delete("/api/sessions/" + l.sessionId());
    }
}
