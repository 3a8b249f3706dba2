package io.labdeck.classroom;

import static io.labdeck.classroom.ClassApi.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * With OIDC configured, an instructor is whoever the identity provider says holds the role "instructor", named by
 * their preferred_username; bearer tokens work on the API beside basic auth, and the pages send a browser to the
 * provider's sign-in. On in-memory sandboxes, against Quarkus's WireMock OIDC server.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class ClassOidcTest {

    private static final String CLASS = "{\"name\":\"SSO class\",\"labId\":\"gated-fixture\",\"lang\":\"ja\"}";

    private static RequestSpecification bearer(String user, Set<String> roles) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken(user, roles))
                .contentType(ContentType.JSON);
    }

    @Test
    void anInstructorOfTheIdentityProviderRunsClassesWithABearerToken() {
        Response made = bearer("kaori", Set.of("instructor")).body(CLASS).post("/api/classes");
        made.then().statusCode(201);
        String id = made.jsonPath().getString("id");
        bearer("kaori", Set.of("instructor")).get("/api/classes/" + id).then().statusCode(200)
                .body("instructor", equalTo("kaori"));
        bearer("kaori", Set.of("instructor")).get("/api/classes/" + id + "/progress").then().statusCode(200);
        // The class is kaori's: the basic-auth instructor alice may not read it, nor another OIDC instructor.
        admin().get("/api/classes/" + id + "/progress").then().statusCode(403);
        bearer("jun", Set.of("instructor")).get("/api/classes/" + id + "/progress").then().statusCode(403);
    }

    @Test
    void aTokenWithoutTheRoleOrAForgedOneIsRefused() {
        bearer("taro", Set.of("student")).body(CLASS).post("/api/classes").then().statusCode(403)
                .body("message", containsString("'taro' is not an instructor"));
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(CLASS).post("/api/classes").then()
                .statusCode(401);
        given().contentType(ContentType.JSON).body(CLASS).post("/api/classes").then().statusCode(401);
    }

    @Test
    void basicAuthGoesOnWorkingBesideOidc() {
        admin().body(CLASS).post("/api/classes").then().statusCode(201);
    }

    @Test
    void thePagesSendABrowserToTheIdentityProvidersSignIn() {
        Response page = given().redirects().follow(false).accept("text/html").get("/classes");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.header("Location")).contains("/realms/quarkus?").contains("client_id=quarkus-web-app")
                .contains("response_type=code");
        assertThat(page.header("Location")).as("back to the page asked for")
                .containsPattern("redirect_uri=http%3A%2F%2Flocalhost%3A[0-9]+%2Fclasses&");
        // A page's script whose sign-in ended is told so (499), rather than sent to a redirect it cannot follow.
        given().redirects().follow(false).header("X-Requested-With", "JavaScript").get("/classes").then()
                .statusCode(499);
        // The pages take only the code flow's session: a bearer token is the API's, not a browser's, and is refused.
        bearer("kaori", Set.of("instructor")).redirects().follow(false).accept("text/html").get("/classes").then()
                .statusCode(401);
    }
}
