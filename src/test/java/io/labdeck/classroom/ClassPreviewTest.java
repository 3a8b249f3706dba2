package io.labdeck.classroom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.preview.FakeApp;
import io.labdeck.preview.access.PreviewAccess;
import io.labdeck.sandbox.fake.FakeSandboxProvisioner;
import io.labdeck.session.OwnerToken;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;

/** A class's instructor may open a learner's port previews, signed in; the page they get is sandboxed. */
@QuarkusTest
@TestProfile(ClassroomProfile.class)
@Tag("fast")
class ClassPreviewTest {

    @Inject
    Vertx vertx;
    @Inject
    FakeSandboxProvisioner sandboxes;
    @Inject
    PreviewAccess access;

    private FakeApp app;
    private ClassApi.Learner learner;

    @BeforeEach
    void start() throws Exception {
        app = new FakeApp(vertx);
        sandboxes.address("127.0.0.1");
        access.forget();
        learner = ClassApi.join(ClassApi.create("preview-fixture").joinCode(), "Hana");
    }

    @AfterEach
    void end() throws Exception {
        ClassApi.end(learner);
        app.close();
        sandboxes.address("192.0.2.1");
    }

    @Test
    void theInstructorSeesTheLearnersAppSandboxedAndWithoutTheirCredentials() {
        String url = "/sessions/" + learner.sessionId() + "/ports/" + app.port() + "/hello";
        given().auth().preemptive().basic(ClassroomProfile.ADMIN, ClassroomProfile.ADMIN_PASSWORD).get(url).then()
                .statusCode(200).body(equalTo("hello from the app")).header("X-Seen-Authorization", "null")
                .header("Content-Security-Policy", containsString("sandbox allow-scripts"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("allow-same-origin")));
        // Wrong credentials get Quarkus's challenge; no credentials and no cookie, 403.
        given().auth().preemptive().basic(ClassroomProfile.ADMIN, "wrong-password").get(url).then().statusCode(401);
        given().get(url).then().statusCode(403);
        given().cookie(OwnerToken.COOKIE, learner.cookie()).get(url).then().statusCode(200)
                .header("Content-Security-Policy", (String) null);
    }

    @Test
    void theInstructorReadsTheLearnersPortLinksAndNoOneElseDoes() {
        String ports = "/api/sessions/" + learner.sessionId() + "/ports";
        given().auth().preemptive().basic(ClassroomProfile.ADMIN, ClassroomProfile.ADMIN_PASSWORD).get(ports).then()
                .statusCode(200).body("$", org.hamcrest.Matchers.instanceOf(java.util.List.class));
        given().get(ports).then().statusCode(403);
        given().cookie(OwnerToken.COOKIE, learner.cookie()).get(ports).then().statusCode(200);
    }
}
