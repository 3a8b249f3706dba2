package io.labdeck.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What a page of another site can do with a learner's cookie (nothing that changes state), and which cookies count:
 * only those Labdeck issued; Secure whenever the learner came over HTTPS, proxies included.
 */
@Tag("fast")
@QuarkusTest
@TestProfile(FakeSandboxProfile.class)
class OriginAndCookieTest {

    @TestHTTPResource("/")
    URL self;

    @Test
    void aStateChangingRequestFromAForeignOriginIsRefusedAndOneFromLabdecksOwnPagesIsNot() {
        start("https://evil.example", null).then().statusCode(403).body("error", equalTo("foreign-origin"))
                .body("message", containsString("https://evil.example"));
        start("null", null).then().statusCode(403);
        given().contentType(ContentType.JSON).header("Sec-Fetch-Site", "cross-site")
                .body("{\"labId\":\"check-fixture\",\"lang\":\"ja\"}").post("/api/sessions").then().statusCode(403);

        String own = "http://" + self.getHost() + ":" + self.getPort();
        Response mine = start(own, null);
        assertThat(mine.statusCode()).as(mine.asString()).isEqualTo(201);
        String id = mine.jsonPath().getString("id");
        String cookie = mine.getCookie(OwnerToken.COOKIE);
        for (String path : new String[] {"/api/sessions/" + id + "/extend",
            "/api/sessions/" + id + "/steps/make-file/check"}) {
            given().cookie(OwnerToken.COOKIE, cookie).header("Origin", "https://evil.example").post(path).then()
                    .statusCode(403);
        }
        given().cookie(OwnerToken.COOKIE, cookie).header("Origin", "https://evil.example")
                .delete("/api/sessions/" + id).then().statusCode(403);
        given().cookie(OwnerToken.COOKIE, cookie).get("/api/sessions/" + id).then().statusCode(200)
                .body("status", equalTo("ready"));
        given().cookie(OwnerToken.COOKIE, cookie).header("Origin", own).delete("/api/sessions/" + id).then()
                .statusCode(204);
    }

    @Test
    void aCookieLabdeckNeverIssuedIsNotAdoptedAndTheIssuedOneIsSecureOverHttps() {
        Response started = start(null, "made-up-by-a-page-elsewhere");
        assertThat(started.statusCode()).isEqualTo(201);
        String issued = started.getCookie(OwnerToken.COOKIE);
        assertThat(issued).isNotEqualTo("made-up-by-a-page-elsewhere").contains(".");
        assertThat(started.getDetailedCookie(OwnerToken.COOKIE).isSecured()).as("plain HTTP").isFalse();
        String id = started.jsonPath().getString("id");
        given().cookie(OwnerToken.COOKIE, "made-up-by-a-page-elsewhere").get("/api/sessions/" + id).then()
                .statusCode(403);
        String tampered = issued.substring(0, issued.length() - 2) + (issued.endsWith("A") ? "BB" : "AA");
        given().cookie(OwnerToken.COOKIE, tampered).get("/api/sessions/" + id).then().statusCode(403);
        given().cookie(OwnerToken.COOKIE, issued).get("/api/sessions/" + id).then().statusCode(200);
        given().cookie(OwnerToken.COOKIE, issued).delete("/api/sessions/" + id).then().statusCode(204);

        Response viaProxy = given().contentType(ContentType.JSON).header("X-Forwarded-Proto", "https")
                .body("{\"labId\":\"check-fixture\",\"lang\":\"ja\"}").post("/api/sessions");
        assertThat(viaProxy.statusCode()).isEqualTo(201);
        assertThat(viaProxy.getDetailedCookie(OwnerToken.COOKIE).isSecured()).as("behind an HTTPS proxy").isTrue();
        given().cookie(OwnerToken.COOKIE, viaProxy.getCookie(OwnerToken.COOKIE))
                .delete("/api/sessions/" + viaProxy.jsonPath().getString("id")).then().statusCode(204);
    }

    private static Response start(String origin, String cookie) {
        var request = given().contentType(ContentType.JSON).body("{\"labId\":\"check-fixture\",\"lang\":\"ja\"}");
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (cookie != null) {
            request.cookie(OwnerToken.COOKIE, cookie);
        }
        return request.post("/api/sessions");
    }
}
