package io.labdeck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.labdeck.session.OwnerToken;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The lab page with authoring mode on: "solve this step" is offered, and it does solve the step. */
@QuarkusTest
@TestProfile(AuthoringModePageTest.AuthoringOn.class)
class AuthoringModePageTest {

    public static class AuthoringOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("labdeck.authoring.enabled", "true");
        }
    }

    private static Chromium chromium;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void stepsWithASolveScriptOfferSolveBesideCheck() {
        String html = given().get("/labs/check-fixture?lang=ja").asString();
        assertThat(html).containsPattern("<main [^>]*id=\"lab\"[^>]*data-authoring=\"true\"");
        assertThat(html).containsSubsequence("data-check=\"make-file\"", "data-solve=\"make-file\"",
                ">このステップを解く</button>", "data-check=\"follow-up\"", "data-solve=\"follow-up\"");
        // slow has a check but no solve script: nothing to offer.
        assertThat(html).doesNotContain("data-solve=\"slow\"");
        assertThat(given().get("/labs/check-fixture?lang=ko").asString()).contains(">이 단계 풀기</button>");
    }

    @Test
    void solvePassesTheStep() {
        Response started = given().contentType(ContentType.JSON).body("{\"labId\":\"check-fixture\",\"lang\":\"ja\"}")
                .post("/api/sessions");
        assertThat(started.statusCode()).isEqualTo(201);
        String owner = started.cookie(OwnerToken.COOKIE);
        String id = started.path("id");
        try {
            given().cookie(OwnerToken.COOKIE, owner).post("/api/sessions/{id}/steps/make-file/solve", id).then()
                    .statusCode(200).body("passed", is(true)).body("status", is("passed"));
            given().cookie(OwnerToken.COOKIE, owner).get("/api/sessions/{id}", id).then().statusCode(200)
                    .body("steps.find { it.id == 'make-file' }.status", is("passed"));
        } finally {
            given().cookie(OwnerToken.COOKIE, owner).delete("/api/sessions/{id}", id).then().statusCode(204);
        }
    }

    @Test
    void clickingSolveOnThePageSolvesTheStep() {
        try (BrowserContext context = chromium.newContext()) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/labs/check-fixture?lang=ja");
            assertThat(page.isDisabled("#step-make-file [data-solve]")).as("Solve before the lab starts").isTrue();
            try {
                Chromium.startLab(page);
                Chromium.await(page, "#step-make-file [data-solve]:not([disabled])");
                assertThat(page.isDisabled("#step-follow-up [data-solve]")).as("Solve of a blocked step").isTrue();
                page.click("#step-make-file [data-solve]");
                Chromium.await(page, "#step-make-file[data-status=passed]");
                // The websocket's push can turn the step green before the solve request itself has answered.
                page.waitForFunction("() => document.querySelector('#step-make-file [data-solve]').textContent"
                        + ".trim() === 'このステップを解く'");
                assertThat(page.textContent("#lab-progress-label").strip()).isEqualTo("1 / 6 ステップ完了");
                Chromium.await(page, "#step-follow-up[data-status=pending] [data-solve]:not([disabled])");
            } finally {
                Chromium.endSession(page);
            }
        }
    }
}
