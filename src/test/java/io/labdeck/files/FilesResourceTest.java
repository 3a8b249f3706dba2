package io.labdeck.files;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.fake.FakeSandboxFiles;
import io.labdeck.session.FakeSandboxProfile;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.store.SessionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The files API above the SPI, on in-memory sandboxes: routes, owner rule, path rules and caps (64K/128K here). */
@QuarkusTest
@TestProfile(FakeSandboxProfile.class)
@Tag("fast")
class FilesResourceTest {

    @Inject
    FakeSandboxFiles files;
    @Inject
    SessionStore store;

    private String id;
    private String cookie;

    @BeforeEach
    void start() {
        var response = given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.14.0.1")
                .body("{\"labId\":\"check-fixture\",\"lang\":\"ja\"}").post("/api/sessions");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        id = response.jsonPath().getString("id");
        cookie = response.getCookie(OwnerToken.COOKIE);
    }

    @AfterEach
    void end() {
        given().cookie(OwnerToken.COOKIE, cookie).delete("/api/sessions/" + id);
    }

    private RequestSpecification owner() {
        return given().cookie(OwnerToken.COOKIE, cookie).urlEncodingEnabled(true);
    }

    @Test
    void anUploadRoundTripsByteForByteAndShowsInTheTree() {
        byte[] bytes = new byte[60_000];
        new Random(14).nextBytes(bytes);
        owner().queryParam("path", "app/data.bin").body(bytes).put("/api/sessions/" + id + "/files").then()
                .statusCode(204);
        byte[] back = owner().queryParam("path", "./app//data.bin").get("/api/sessions/" + id + "/files").then()
                .statusCode(200).header("Content-Disposition", containsString("filename=\"data.bin\""))
                .extract().asByteArray();
        assertThat(back).isEqualTo(bytes);
        owner().get("/api/sessions/" + id + "/tree").then().statusCode(200).body("path", equalTo(""))
                .body("truncated", equalTo(false))
                .body("entries.path", org.hamcrest.Matchers.contains("app", "app/data.bin"))
                .body("entries[1].type", equalTo("file")).body("entries[1].size", equalTo(60_000))
                .body("entries[0].type", equalTo("dir"));
        owner().queryParam("path", "app").get("/api/sessions/" + id + "/files").then().statusCode(200)
                .contentType("application/x-tar").header("Content-Disposition", containsString("app.tar"));
    }

    @Test
    void pathsThatLeaveTheWorkingDirectoryAre400WithTheirReason() {
        owner().queryParam("path", "../x").body("a").put("/api/sessions/" + id + "/files").then().statusCode(400)
                .body("error", equalTo("invalid-path"))
                .body("message", equalTo("The path '../x' is refused: '..' would leave the working directory."));
        owner().queryParam("path", "/etc/passwd").get("/api/sessions/" + id + "/files").then().statusCode(400)
                .body("message", containsString("'/etc/passwd' is refused: it is absolute"));
        given().cookie(OwnerToken.COOKIE, cookie).urlEncodingEnabled(false)
                .get("/api/sessions/" + id + "/files?path=a%00b").then().statusCode(400)
                .body("message", containsString("NUL"));
        files.linkOut(new SandboxRef(id, store.find(id).orElseThrow().sandboxId().orElseThrow()), "out", "/etc");
        owner().queryParam("path", "out/passwd").get("/api/sessions/" + id + "/files").then().statusCode(400)
                .body("message", containsString("leads out of the working directory"));
    }

    @Test
    void sizesOverTheCapsAre413() {
        owner().queryParam("path", "big.bin").body(new byte[64 * 1024 + 1]).put("/api/sessions/" + id + "/files")
                .then().statusCode(413).body("error", equalTo("too-large"))
                .body("message", containsString("at most 65536 bytes"));
        for (int i = 0; i < 3; i++) {
            owner().queryParam("path", "d/part" + i).body(new byte[60_000]).put("/api/sessions/" + id + "/files")
                    .then().statusCode(204);
        }
        owner().queryParam("path", "d").get("/api/sessions/" + id + "/files").then().statusCode(413)
                .body("message", containsString("downloads may be at most 131072 bytes"));
    }

    @Test
    void onlyTheOwnerMayAndUnknownSessionsAre404() {
        given().queryParam("path", "x").body("a").put("/api/sessions/" + id + "/files").then().statusCode(403);
        given().cookie(OwnerToken.COOKIE, "someone-else").get("/api/sessions/" + id + "/tree").then()
                .statusCode(403);
        owner().queryParam("path", "x").get("/api/sessions/nosuchsession/files").then().statusCode(404);
        owner().queryParam("path", "missing.txt").get("/api/sessions/" + id + "/files").then().statusCode(404)
                .body("error", equalTo("file-not-found"));
    }
}
