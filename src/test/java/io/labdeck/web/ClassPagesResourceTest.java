package io.labdeck.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWithIgnoringCase;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The instructor's pages ask for basic auth and render for an instructor in each UI language; the join page needs no
 * account and takes the code from its link.
 */
@QuarkusTest
@TestProfile(ClassroomBrowserTest.WithInstructor.class)
class ClassPagesResourceTest {

    @Test
    void instructorPagesChallengeAnonymousCallers() {
        for (String path : new String[] {"/classes", "/classes/abc", "/classes/abc/watch/s1", "/classes/abc/replay/s1"}) {
            given().redirects().follow(false).when().get(path).then().statusCode(401)
                    .header("WWW-Authenticate", startsWithIgnoringCase("basic"));
        }
    }

    @Test
    void instructorPagesRenderInTheirLanguage() {
        given().auth().preemptive().basic(ClassroomBrowserTest.USER, ClassroomBrowserTest.PASSWORD)
                .when().get("/classes?lang=ja").then().statusCode(200)
                .contentType(containsString("charset=UTF-8"))
                .body(containsString("<h1>クラス</h1>"), containsString("value=\"check-fixture\""),
                        containsString("data-languages=\"ja ko\""));
        given().auth().preemptive().basic(ClassroomBrowserTest.USER, ClassroomBrowserTest.PASSWORD)
                .header("Accept-Language", "ko-KR").when().get("/classes/abc").then().statusCode(200)
                .body(containsString("data-class-id=\"abc\""), containsString("손 든 학습자"),
                        containsString("/api/classes/abc/progress.csv"));
        given().auth().preemptive().basic(ClassroomBrowserTest.USER, ClassroomBrowserTest.PASSWORD)
                .when().get("/classes/abc/watch/s1?lang=en").then().statusCode(200)
                .body(containsString("data-session-id=\"s1\""), containsString("Read-only"));
    }

    @Test
    void theJoinPageNeedsNoAccountAndTakesTheCodeFromItsLink() {
        given().header("Accept-Language", "ko").when().get("/join/ab-c7x9").then().statusCode(200)
                .body(containsString("클래스 참가"), containsString("value=\"ABC7X9\""));
        given().when().get("/join?lang=ja").then().statusCode(200).body(containsString("クラスに参加"),
                containsString("value=\"\""));
    }
}
