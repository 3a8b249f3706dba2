package io.labdeck.session;

import io.labdeck.session.store.SessionStore;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Starting and ending sessions through the REST API, as a browser would. */
final class SessionApi {

    /** A started session and the cookie that owns it. */
    record Started(String id, String cookie, Response response) {
    }

    private SessionApi() {
    }

    static Response post(String labId, String lang, String cookie) {
        var request = given().contentType(ContentType.JSON).body("{\"labId\":\"" + labId + "\",\"lang\":\"" + lang
                + "\"}");
        if (cookie != null) {
            request.cookie(OwnerToken.COOKIE, cookie);
        }
        return request.post("/api/sessions");
    }

    static Started start(String labId, String lang) {
        Response response = post(labId, lang, null);
        if (response.statusCode() != 201) {
            throw new AssertionError("start failed: " + response.statusCode() + " " + response.asString());
        }
        return new Started(response.jsonPath().getString("id"), response.getCookie(OwnerToken.COOKIE), response);
    }

    /** The session's sandbox, as stored. */
    static io.labdeck.sandbox.SandboxRef sandbox(SessionStore store, Started s) {
        return new io.labdeck.sandbox.SandboxRef(s.id(), store.find(s.id()).orElseThrow().sandboxId().orElseThrow());
    }

    static void end(Started session) {
        given().cookie(OwnerToken.COOKIE, session.cookie()).delete("/api/sessions/" + session.id());
    }
}
