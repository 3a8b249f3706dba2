package io.labdeck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.labdeck.lab.LabCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The catalogue page; relies on the fixture lab under src/test/resources/fixture-labs. */
@QuarkusTest
class CatalogPageResourceTest {

    @Inject
    LabCatalog catalog;

    private static Response get(String path, String acceptLanguage) {
        var request = given().redirects().follow(false);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return request.get(path);
    }

    @Test
    void listsEveryLabWithItsTitleStepsAndLanguageBadges() {
        Response response = get("/", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualToIgnoringWhitespace("text/html;charset=UTF-8");
        String html = response.asString();

        catalog.all().forEach(lab -> assertThat(html).contains("data-lab=\"" + lab.id() + "\""));
        // English UI; the fixture has no English, so its card is in its first language, ja, and escaped.
        assertThat(html).contains("ウェブ &lt;テスト&gt; ラボ").doesNotContain("ウェブ <テスト>");
        assertThat(html).contains("ページ表示を確かめるための小さなラボです。");
        assertThat(html).contains("3 steps");
        assertThat(html).contains("href=\"/labs/web-fixture?lang=ja\"", "href=\"/labs/web-fixture?lang=ko\"");
        assertThat(html).contains("<link rel=\"stylesheet\" href=\"/css/labdeck.css\">");
    }

    @Test
    void defaultsToEnglish() {
        String html = get("/", null).asString();
        assertThat(html).contains("<html lang=\"en\">", "Open lab", "Hands-on labs in your browser");
    }

    @Test
    void langParameterGivesKoreanStringsAndKoreanCards() {
        String html = get("/?lang=ko", "ja").asString();
        assertThat(html).contains("<html lang=\"ko\">", "랩 열기", "총 3단계");
        assertThat(html).contains("웹 &amp; 테스트 랩", "페이지 표시를 확인하기 위한 작은 랩입니다.");
        assertThat(html).doesNotContain("ラボを開く");
    }

    @Test
    void acceptLanguageGivesJapaneseStrings() {
        String html = get("/", "ja-JP,ja;q=0.9,en;q=0.8").asString();
        assertThat(html).contains("<html lang=\"ja\">", "ラボを開く", "全3ステップ", "ウェブ &lt;テスト&gt; ラボ");
        assertThat(html).doesNotContain("Open lab");
    }

    @Test
    void acceptLanguageFollowsQualityOrder() {
        String html = get("/", "fr;q=1, ko;q=0.9, ja;q=0.5").asString();
        assertThat(html).contains("<html lang=\"ko\">", "랩 열기");
    }

    @Test
    void unsupportedLangParameterFallsBackToTheBrowser() {
        assertThat(get("/?lang=fr", "ja").asString()).contains("<html lang=\"ja\">");
    }

    @Test
    void headerLinksHomeAndOffersEachUiLanguage() {
        String html = get("/", null).asString();
        assertThat(html).contains("<a class=\"brand\" href=\"/\">");
        assertThat(html).contains("href=\"/?lang=ja\"", "href=\"/?lang=ko\"", "href=\"/?lang=en\"");
        assertThat(html).contains("日本語", "한국어");
    }
}
