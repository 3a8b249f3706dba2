package io.labdeck.lab;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LabResourceTest {

    @Test
    void listsEveryLabWithTitlesLanguagesAndStepCounts() {
        given().get("/api/labs").then().statusCode(200)
                .body("id", hasItems("container-basics", "container-env", "seed-lab2"))
                .body("find { it.id == 'container-basics' }.languages", contains("ja", "ko"))
                .body("find { it.id == 'container-basics' }.titles.ja", equalTo("コンテナの中をのぞいてみよう"))
                .body("find { it.id == 'container-basics' }.titles.ko", equalTo("컨테이너 안을 들여다보기"))
                .body("find { it.id == 'container-basics' }.steps", equalTo(3))
                .body("find { it.id == 'seed-lab2' }.titles.ja", equalTo("Lab2 - カスタム Docker イメージを使用して付加価値を与える"));
    }

    @Test
    void aLabInOneLanguageHasItsStepsWithCommands() {
        given().get("/api/labs/container-basics?lang=ko").then().statusCode(200)
                .body("id", equalTo("container-basics"))
                .body("lang", equalTo("ko"))
                .body("title", equalTo("컨테이너 안을 들여다보기"))
                .body("intro", containsString("컨테이너"))
                .body("steps.id", contains("look-around", "own-files", "shared-kernel"))
                .body("steps[0].hasCheck", equalTo(true))
                .body("steps[0].commands", hasItems("hostname", "ps"))
                .body("steps[0].html", containsString("data-kind=\"run\""));
    }

    @Test
    void bothLanguagesShareStepIdsAndCommands() {
        List<String> ja = given().get("/api/labs/container-env?lang=ja").jsonPath().getList("steps.id");
        List<String> ko = given().get("/api/labs/container-env?lang=ko").jsonPath().getList("steps.id");
        assertThat(ja).isEqualTo(ko).isNotEmpty();
        List<List<String>> jaCommands = given().get("/api/labs/container-env?lang=ja").jsonPath()
                .getList("steps.commands");
        List<List<String>> koCommands = given().get("/api/labs/container-env?lang=ko").jsonPath()
                .getList("steps.commands");
        assertThat(jaCommands).isEqualTo(koCommands);
    }

    @Test
    void withoutLangTheLabsFirstLanguageIsGiven() {
        given().get("/api/labs/container-basics").then().statusCode(200).body("lang", equalTo("ja"));
    }

    @Test
    void anExistingTutorialIsUsedUnchangedThroughAPathOutsideTheProject() {
        given().get("/api/labs/seed-lab2?lang=ja").then().statusCode(200)
                .body("steps[3].id", equalTo("ステップ-3-docker-イメージを実行する"))
                .body("steps[3].hasCheck", equalTo(true))
                .body("steps[2].hasCheck", equalTo(false))
                .body("steps[3].commands[0]", equalTo("docker run -p 5001:5000 -d python-hello-world"))
                .body("steps[1].commands[1]", equalTo("python3 --version\npip3 --version\npip3 install flask\npython3 app.py"));
    }

    @Test
    void registryPlaceholderIsFilledAndSessionIsLeftForASession() {
        given().get("/api/labs/seed-placeholders?lang=ja").then().statusCode(200)
                .body("steps[0].commands[0]", equalTo("docker push registry.labdeck:5095/{{session}}/app"))
                .body("steps[0].html", containsString("registry.labdeck:5095/{{session}}/app"))
                .body("steps[0].html", not(containsString("{{registry}}")));
    }

    @Test
    void anUnknownLabIs404WithAJsonError() {
        given().get("/api/labs/no-such-lab").then().statusCode(404)
                .contentType("application/json")
                .body("error", equalTo("lab-not-found"))
                .body("message", containsString("no-such-lab"));
    }

    @Test
    void aLanguageTheLabLacksIs404NamingTheLanguagesItHas() {
        given().get("/api/labs/container-basics?lang=en").then().statusCode(404)
                .contentType("application/json")
                .body("error", equalTo("language-not-found"))
                .body("available", contains("ja", "ko"))
                .body("message", containsString("ja, ko"));
    }
}
