package io.labdeck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.labdeck.lab.RegistryConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The lab page; relies on the fixture lab under src/test/resources/fixture-labs. */
@QuarkusTest
class LabPageResourceTest {

    private static final Pattern STEP = Pattern.compile("<section class=\"step\" id=\"step-([^\"]+)\" data-step=\"([^\"]+)\"");

    @Inject
    RegistryConfig registry;

    private static Response get(String path, String acceptLanguage) {
        var request = given();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return request.get(path);
    }

    private static List<String> stepIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = STEP.matcher(html);
        while (m.find()) {
            assertThat(m.group(1)).isEqualTo(m.group(2));
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The HTML of one step section, up to the next. */
    private static String step(String html, String id) {
        int start = html.indexOf("id=\"step-" + id + "\"");
        assertThat(start).as("step %s", id).isPositive();
        int end = html.indexOf("<section class=\"step\"", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    @Test
    void showsTitleIntroAndStepsInOrder() {
        Response response = get("/labs/web-fixture?lang=ja", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualToIgnoringWhitespace("text/html;charset=UTF-8");
        String html = response.asString();

        assertThat(html).contains("<html lang=\"ja\">");
        assertThat(html).contains("<h1 class=\"lab-title\">ウェブ &lt;テスト&gt; ラボ</h1>");
        assertThat(html).contains("<strong>コンテナ</strong>", "<blockquote>");
        assertThat(stepIds(html)).containsExactly("run-container", "push-image", "clean-up");
        assertThat(html).contains("コンテナを実行する", "イメージをプッシュする", "後片付け");
        assertThat(html).containsSubsequence("コンテナを実行する", "イメージをプッシュする", "後片付け");
        assertThat(html).contains("<table>");
        assertThat(html).contains("<progress id=\"lab-progress\" value=\"0\" max=\"3\"", "0 / 3 ステップ完了");
    }

    @Test
    void stepsWithACheckHaveADisabledCheckButton() {
        String html = get("/labs/web-fixture?lang=ja", null).asString();
        assertThat(step(html, "run-container")).contains("data-check=\"run-container\"", "disabled",
                "ラボを開始すると確認できます。");
        assertThat(step(html, "push-image")).contains("data-check=\"push-image\"");
        assertThat(step(html, "clean-up")).doesNotContain("data-check=");
        assertThat(step(html, "clean-up")).contains("data-status=\"pending\"", "未確認");
    }

    @Test
    void codeBlocksCarryTheHooksForRunAndCopy() {
        String html = get("/labs/web-fixture?lang=ja", null).asString();
        assertThat(step(html, "run-container"))
                .contains("data-kind=\"run\"", "data-command=\"docker run --name hello hello-world\"");
        assertThat(step(html, "clean-up")).contains("data-kind=\"show\"").doesNotContain("data-command");
        assertThat(html).contains("<script src=\"/js/lab.js\" defer></script>");
        // Button labels reach the script through data attributes, in the page's language.
        assertThat(html).contains("data-label-copy=\"コピー\"", "data-label-copied=\"コピーしました\"",
                "data-label-run=\"実行\"", "data-label-run-unavailable=\"コマンドを実行するには、ラボを開始してください。\"");
        assertThat(html).contains("id=\"start-lab\" disabled");
    }

    @Test
    void registryPlaceholderIsResolvedInTextAndCommands() {
        String html = get("/labs/web-fixture?lang=ja", null).asString();
        assertThat(html).doesNotContain("{{registry}}");
        assertThat(step(html, "push-image")).contains("<code>" + registry.address() + "</code>",
                "docker push " + registry.address() + "/hello:1");
    }

    @Test
    void languageSwitcherLinksEveryLanguageOfTheLab() {
        String html = get("/labs/web-fixture?lang=ko", null).asString();
        assertThat(html).contains("<html lang=\"ko\">", "웹 &amp; 테스트 랩", "컨테이너 실행하기", "data-label-copy=\"복사\"");
        assertThat(html).contains("href=\"/labs/web-fixture?lang=ja\"", "href=\"/labs/web-fixture?lang=ko\"");
        assertThat(html).containsPattern("href=\"/labs/web-fixture\\?lang=ko\"[^>]*aria-current=\"page\"");
        assertThat(stepIds(html)).containsExactly("run-container", "push-image", "clean-up");
    }

    @Test
    void contentLanguageFollowsTheBrowserThenTheLabsFirstLanguage() {
        assertThat(get("/labs/web-fixture", "ko-KR,ko;q=0.9").asString()).contains("<html lang=\"ko\">", "컨테이너 실행하기");
        assertThat(get("/labs/web-fixture", "fr, ko;q=0.3, ja;q=0.8").asString()).contains("コンテナを実行する");
        // No lab language accepted: the lab's first language, ja; the UI follows the content.
        assertThat(get("/labs/web-fixture", "en-US").asString()).contains("<html lang=\"ja\">", "コンテナを実行する");
    }

    @Test
    void unknownLanguageIs404NamingTheLabsLanguages() {
        Response response = get("/labs/web-fixture?lang=fr", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        String html = response.asString();
        assertThat(html).contains("<html lang=\"en\">", "This lab is not available in “fr”.");
        assertThat(html).contains("href=\"/labs/web-fixture?lang=ja\"", "日本語", "href=\"/labs/web-fixture?lang=ko\"", "한국어");
    }

    @Test
    void unknownLanguageIs404InTheBrowsersLanguage() {
        String html = get("/labs/web-fixture?lang=en", "ko").asString();
        assertThat(html).contains("<html lang=\"en\">", "This lab is not available in “en”.");
        String korean = get("/labs/web-fixture?lang=zz", "ko").asString();
        assertThat(korean).contains("<html lang=\"ko\">", "이 랩은 ‘zz’ 언어로 제공되지 않습니다.");
    }

    @Test
    void unknownLabIs404() {
        Response response = get("/labs/no-such-lab", "ja");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.asString()).contains("<html lang=\"ja\">", "「no-such-lab」というラボはありません。",
                "href=\"/\"");
    }

    @Test
    void labIdsAndLanguagesFromTheUrlAreEscaped() {
        String html = given().get("/labs/{id}", "<b>x</b>").asString();
        assertThat(html).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
        String lang = given().queryParam("lang", "<b>").get("/labs/web-fixture").asString();
        assertThat(lang).contains("“&lt;b&gt;”").doesNotContain("“<b>”");
    }
}
