package io.labdeck.terminal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A session started through the REST API, as a browser would, for the terminal tests.
 *
 * @param id     the session id
 * @param cookie the owner cookie's value
 */
record TestSession(String id, String cookie) {

    static TestSession start(String labId, String lang) {
        Response started = given().contentType(ContentType.JSON)
                .body("{\"labId\":\"" + labId + "\",\"lang\":\"" + lang + "\"}").post("/api/sessions");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(201);
        return new TestSession(started.jsonPath().getString("id"), started.getCookie("labdeck_owner"));
    }

    void end() {
        given().cookie("labdeck_owner", cookie).delete("/api/sessions/" + id);
    }
}
