package io.labdeck.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.labdeck.lab.LabCatalog;
import io.labdeck.lab.LabService;
import io.labdeck.platform.RegistryConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The lab page; relies on the fixture lab under src/test/resources/fixture-labs. */
@QuarkusTest
class LabPageResourceTest {

    private static final Pattern STEP = Pattern.compile("<section class=\"step\" id=\"step-([^\"]+)\" data-step=\"([^\"]+)\"");
    private static final String BUNDLE = "<script src=\"/assets/labdeck.bundle.js\" defer></script>";

    @Inject
    RegistryConfig registry;

    @Inject
    LabCatalog catalog;

    @Inject
    LabService labs;

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
        // Only the two steps with a check can pass, so only they count.
        assertThat(html).contains("<progress id=\"lab-progress\" value=\"0\" max=\"2\"", "0 / 2 ステップ完了");
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
        assertThat(html).contains(BUNDLE);
        // Button labels reach the script through data attributes, in the page's language.
        assertThat(html).contains("data-label-copy=\"コピー\"", "data-label-copied=\"コピーしました\"",
                "data-label-run=\"実行\"", "data-label-run-unavailable=\"コマンドを実行するには、ラボを開始してください。\"");
    }

    /** The opening tag of the element with this id. */
    private static String tag(String html, String id) {
        Matcher m = Pattern.compile("<[a-z]+\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("element #%s", id).isTrue();
        return m.group();
    }

    /** The value of a data-label-* attribute of the terminal pane. */
    private static String label(String html, String name) {
        return label(html, "terminal-pane", name);
    }

    /** The value of a data-label-* attribute of the element with this id. */
    private static String label(String html, String id, String name) {
        Matcher m = Pattern.compile("\\bdata-label-" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag(html, id));
        assertThat(m.find()).as("#%s data-label-%s", id, name).isTrue();
        return m.group(1);
    }

    @Test
    void theLabTextsActionsAreRenderedWithTheirLabelsInTheLabsLanguage() {
        String ja = get("/labs/actions-fixture?lang=ja", null).asString();
        assertThat(step(ja, "interrupt")).contains("data-action=\"interrupt\" data-command=\"echo &quot;after-interrupt:$?&quot;\"");
        assertThat(step(ja, "edit")).contains("data-action=\"edit\"", "<span class=\"edit-part\" data-part=\"name\">name</span>");
        assertThat(step(ja, "open")).as("no href: nothing a browser would follow")
                .contains("<a data-action=\"open-file\" data-path=\"notes/todo.txt\">todo.txt</a>",
                        "<a data-action=\"open-port\" data-port=\"5001\">アプリ</a>").doesNotContain("labdeck:");
        assertThat(ja).contains("data-label-run-interrupt=\"止めて実行\"", "data-label-start-first=\"先にセッションを開始",
                "data-label-edit-refused=\"先に {parts} を書き換えてください");
        String ko = get("/labs/actions-fixture?lang=ko", null).asString();
        assertThat(ko).contains("data-label-run-interrupt=\"중지 후 실행\"", "data-label-edit-part=\"고칠 부분: {part}\"",
                "data-label-open-port=\"포트 {port}을(를) 미리보기 탭에서 열기\"");
    }

    @Test
    void startButtonIsEnabledAndThePaneNamesTheLabLanguageAndApi() {
        String html = get("/labs/web-fixture?lang=ja", null).asString();
        assertThat(tag(html, "start-lab")).startsWith("<button").contains("type=\"button\"", "data-action=\"start\"")
                .doesNotContain("disabled");
        assertThat(html).contains(">ラボを開始</button>");
        assertThat(tag(html, "terminal-pane")).contains("data-state=\"idle\"", "data-api=\"/api/sessions\"",
                "data-lab-id=\"web-fixture\"", "data-lang=\"ja\"");
        assertThat(tag(get("/labs/web-fixture?lang=ko", null).asString(), "terminal-pane"))
                .contains("data-lab-id=\"web-fixture\"", "data-lang=\"ko\"");
        assertThat(html).contains(BUNDLE);
    }

    /**
     * The data-label-* names one module of the front end (src/main/frontend) reads as data.labelName, as attribute
     * names; the bundle the page loads reads each of them too.
     */
    private static List<String> labelsRead(String module) {
        String source;
        try {
            source = Files.readString(Path.of("src", "main", "frontend", module));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Response bundle = get("/assets/labdeck.bundle.js", null);
        assertThat(bundle.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("\\bdata\\.label([A-Z][A-Za-z]*)").matcher(source);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            assertThat(bundle.asString()).as("the bundle reads %s", m.group()).contains(".label" + m.group(1));
            names.add(m.group(1).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }

    @Test
    void paneHasOnePanelPerSessionStateAndOnlyIdleShows() {
        String html = get("/labs/web-fixture?lang=ja", null).asString();
        Matcher m = Pattern.compile("<div class=\"terminal-empty\" data-panel=\"([a-z]+)\"( hidden)?>").matcher(html);
        List<String> panels = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        while (m.find()) {
            panels.add(m.group(1));
            if (m.group(2) == null) {
                shown.add(m.group(1));
            }
        }
        assertThat(panels).containsExactlyInAnyOrder("idle", "starting", "ready", "ended", "error");
        assertThat(shown).containsExactly("idle");
        // Start again and Try again start a session too.
        assertThat(html.split("data-action=\"start\"", -1)).hasSize(4);
        // The session controls and the end confirmation show only once a session is ready.
        assertThat(tag(html, "session-controls")).contains("role=\"group\"", "hidden");
        assertThat(tag(html, "session-confirm")).contains("hidden");
        assertThat(tag(html, "terminal-mount")).contains("hidden");
    }

    @Test
    void sessionControlsCarryTheirJapaneseStrings() {
        String html = get("/labs/web-fixture?lang=ja", null).asString();
        assertThat(tag(html, "session-timer")).contains("role=\"timer\"", "title=\"残り時間\"");
        assertThat(tag(html, "session-countdown")).startsWith("<span");
        assertThat(tag(html, "session-extend")).startsWith("<button").contains("type=\"button\"")
                .doesNotContain("disabled");
        assertThat(html).contains(">延長</button>", ">ラボを終了</button>", ">終了する</button>", ">キャンセル</button>",
                "ラボを終了しますか？サンドボックスとその中身はすべて削除されます。",
                "サンドボックスの準備ができました。ここにターミナルが表示されます。", ">もう一度開始</button>", ">再試行</button>");
        assertThat(tag(html, "session-end")).contains("aria-controls=\"session-confirm\"", "aria-expanded=\"false\"");
        assertThat(tag(html, "session-live")).contains("aria-live=\"polite\"");
        assertThat(label(html, "status-ready")).isEqualTo("準備完了");
        assertThat(label(html, "time-low")).isEqualTo("残り5分を切りました。続けるにはラボを延長してください。");
        assertThat(label(html, "session-expired")).isEqualTo("時間切れのため、ラボは終了しました。サンドボックスは削除されています。");
        // The script fills in the seconds, so the placeholder reaches the page as it is.
        assertThat(label(html, "retry-in")).isEqualTo("現在、多くのラボが起動中です。{seconds} 秒後に再試行します。");
    }

    @Test
    void sessionControlsCarryTheirKoreanStrings() {
        String html = get("/labs/web-fixture?lang=ko", null).asString();
        assertThat(tag(html, "session-timer")).contains("title=\"남은 시간\"");
        assertThat(html).contains(">연장</button>", ">랩 종료</button>", ">종료</button>", ">취소</button>",
                "랩을 종료할까요? 샌드박스와 그 안의 모든 내용이 삭제됩니다.",
                "샌드박스가 준비되었습니다. 여기에 터미널이 표시됩니다.", ">다시 시작</button>", ">다시 시도</button>");
        assertThat(label(html, "status-ready")).isEqualTo("준비됨");
        assertThat(label(html, "starting")).isEqualTo("시작하는 중…");
        assertThat(label(html, "network-error")).isEqualTo("서버에 연결하지 못했습니다. 연결 상태를 확인한 뒤 다시 시도해 주세요.");
        assertThat(label(html, "retry-in")).isEqualTo("지금 많은 랩이 시작되고 있습니다. {seconds}초 후에 다시 시도합니다.");
    }

    /** Every label session.js reads is on the page, translated: a label added to the script alone fails here. */
    @Test
    void everyLabelTheSessionScriptReadsIsOnThePage() {
        List<String> names = labelsRead("session.js");
        assertThat(names).hasSizeGreaterThan(10).contains("retry-in", "time-low", "session-expired");
        String ja = get("/labs/web-fixture?lang=ja", null).asString();
        String ko = get("/labs/web-fixture?lang=ko", null).asString();
        for (String name : names) {
            assertThat(label(ja, name)).as("ja %s", name).isNotBlank().doesNotMatch("[A-Za-z ]+[.…]?");
            assertThat(label(ko, name)).as("ko %s", name).isNotBlank().isNotEqualTo(label(ja, name))
                    .doesNotMatch("[A-Za-z ]+[.…]?");
        }
    }

    @Test
    void thePageLoadsOneBundleAndTheTerminalsStylesheet() {
        String html = get("/labs/web-fixture?lang=ja", null).asString();
        assertThat(html).containsSubsequence("<link rel=\"stylesheet\" href=\"/css/labdeck.css\">",
                "<link rel=\"stylesheet\" href=\"/assets/xterm.css\">", "</head>");
        // One script: main.js wires the buttons, the session, the steps and the terminal itself, in that order.
        assertThat(html).contains(BUNDLE);
        assertThat(Pattern.compile("<script\\b").matcher(html).results().count()).isEqualTo(1);
        // Both come from the classpath: the build bundles them (src/main/frontend); nothing is fetched elsewhere.
        given().get("/assets/labdeck.bundle.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/assets/xterm.css").then().statusCode(200).contentType(containsString("text/css"));
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void theTerminalHasAComposeLineABadgeAndASplitHandleInJapanese() {
        String html = get("/labs/web-fixture?lang=ja", null).asString();
        assertThat(tag(html, "compose-input")).startsWith("<input").contains("type=\"text\"", "disabled",
                "placeholder=\"日本語入力はこちらが確実です。Enter で 1 行送信します。\"");
        assertThat(html).contains("<label class=\"compose-label\" for=\"compose-input\">入力欄</label>");
        assertThat(tag(html, "compose-send")).startsWith("<button").contains("disabled");
        assertThat(html).contains(">送信</button>");
        assertThat(tag(html, "split-handle")).contains("role=\"separator\"", "aria-orientation=\"vertical\"",
                "tabindex=\"0\"", "aria-controls=\"lab-steps\"", "aria-label=\"手順とターミナルの幅を調整\"");
        assertThat(tag(html, "lab-steps")).startsWith("<article");
        assertThat(html).containsSubsequence("id=\"lab-steps\"", "id=\"split-handle\"", "id=\"terminal-pane\"");
        assertThat(tag(html, "terminal-connection")).contains("role=\"status\"", "hidden");
        assertThat(label(html, "terminal-mount", "connected")).isEqualTo("接続済み");
        assertThat(label(html, "terminal-mount", "reconnecting")).isEqualTo("再接続中…");
        assertThat(label(html, "terminal-mount", "shell-exited")).isEqualTo("シェルが終了しました。新しいシェルを起動します。");
        assertThat(label(html, "terminal-mount", "dropped")).as("what a tab the server dropped (4001) says")
                .isEqualTo("このタブがターミナルの出力に追いつけなかったため、接続し直しました。画面は直近の出力から描き直されます。");
        // The terminal and the compose line live in the mount, which shows once a session is ready.
        assertThat(html).containsSubsequence("id=\"terminal-mount\"", "id=\"terminal-host\"", "id=\"compose-input\"");
    }

    @Test
    void theTerminalHasAComposeLineABadgeAndASplitHandleInKorean() {
        String html = get("/labs/web-fixture?lang=ko", null).asString();
        assertThat(tag(html, "compose-input")).contains(
                "placeholder=\"한글 입력은 여기가 가장 확실합니다. Enter 키를 누르면 한 줄을 보냅니다.\"");
        assertThat(html).contains("for=\"compose-input\">입력줄</label>", ">보내기</button>");
        assertThat(tag(html, "split-handle")).contains("aria-label=\"단계와 터미널의 너비 조절\"");
        assertThat(label(html, "terminal-mount", "connecting")).isEqualTo("연결하는 중…");
        assertThat(label(html, "terminal-mount", "disconnected")).isEqualTo("연결 끊김");
    }

    /** Every label terminal.js reads is on the page, translated: a label added to the script alone fails here. */
    @Test
    void everyLabelTheTerminalScriptReadsIsOnThePage() {
        List<String> names = labelsRead("terminal.js");
        assertThat(names).contains("connecting", "connected", "reconnecting", "disconnected", "shell-exited", "input");
        String ja = get("/labs/web-fixture?lang=ja", null).asString();
        String ko = get("/labs/web-fixture?lang=ko", null).asString();
        for (String name : names) {
            assertThat(label(ja, "terminal-mount", name)).as("ja %s", name).isNotBlank()
                    .doesNotMatch("[A-Za-z ]+[.…:]?");
            assertThat(label(ko, "terminal-mount", name)).as("ko %s", name).isNotBlank()
                    .isNotEqualTo(label(ja, "terminal-mount", name)).doesNotMatch("[A-Za-z ]+[.…:]?");
        }
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

    // ---- Step progress: what progress.js works with ----------------------------------------------------------------

    @Test
    void progressCountsOnlyTheStepsWithACheckInEachLanguage() {
        String ja = get("/labs/check-fixture?lang=ja", null).asString();
        assertThat(tag(ja, "lab-progress")).contains("value=\"0\"", "max=\"6\"", "aria-label=\"進捗\"");
        assertThat(ja).contains("<span class=\"progress-label\" id=\"lab-progress-label\">0 / 6 ステップ完了</span>");
        assertThat(label(ja, "steps", "progress")).isEqualTo("{done} / {total} ステップ完了");

        String ko = get("/labs/web-fixture?lang=ko", null).asString();
        assertThat(tag(ko, "lab-progress")).contains("max=\"2\"");
        assertThat(ko).contains(">2단계 중 0단계 완료</span>");
        assertThat(label(ko, "steps", "progress")).isEqualTo("{total}단계 중 {done}단계 완료");

        String en = englishPage("check-fixture");
        assertThat(en).contains(">0 / 6 steps done</span>");
        assertThat(label(en, "steps", "progress")).isEqualTo("{done} / {total} steps done");

        // The script's template and the page's own label are two messages: they must say the same.
        for (String html : List.of(ja, get("/labs/check-fixture?lang=ko", null).asString(), en)) {
            assertThat(label(html, "steps", "progress").replace("{done}", "0").replace("{total}", "6"))
                    .isEqualTo(progressLabel(html));
        }
    }

    private static String progressLabel(String html) {
        Matcher m = Pattern.compile("id=\"lab-progress-label\">([^<]*)</span>").matcher(html);
        assertThat(m.find()).as("#lab-progress-label").isTrue();
        return m.group(1);
    }

    @Test
    void stepStatusAndResultLabelsAreThereInJapaneseKoreanAndEnglish() {
        String ja = get("/labs/check-fixture?lang=ja", null).asString();
        assertThat(label(ja, "steps", "status-passed")).isEqualTo("完了");
        assertThat(label(ja, "steps", "status-failed")).isEqualTo("未達成");
        assertThat(label(ja, "steps", "status-blocked")).isEqualTo("ロック中");
        assertThat(label(ja, "steps", "status-checking")).isEqualTo("確認中…");
        assertThat(label(ja, "steps", "blocked-note")).isEqualTo("次のステップを終えると開きます：{steps}");
        assertThat(label(ja, "steps", "announce-passed")).isEqualTo("「{title}」をクリアしました。");

        String ko = get("/labs/check-fixture?lang=ko", null).asString();
        assertThat(label(ko, "steps", "status-passed")).isEqualTo("완료");
        assertThat(label(ko, "steps", "status-blocked")).isEqualTo("잠김");
        assertThat(label(ko, "steps", "check-failed")).isEqualTo("아직 완료되지 않았습니다. 확인 결과:");
        assertThat(step(ko, "make-file")).contains("<span class=\"step-hint-label\">힌트</span>");

        String en = englishPage("check-fixture");
        assertThat(en).contains("<html lang=\"en\">");
        assertThat(label(en, "steps", "status-pending")).isEqualTo("Not checked");
        assertThat(label(en, "steps", "status-passed")).isEqualTo("Passed");
        assertThat(label(en, "steps", "status-failed")).isEqualTo("Not passed");
        assertThat(label(en, "steps", "status-blocked")).isEqualTo("Locked");
        assertThat(label(en, "steps", "status-checking")).isEqualTo("Checking…");
        assertThat(label(en, "steps", "blocked-note")).isEqualTo("Opens once you finish: {steps}");
        assertThat(label(en, "steps", "check-not-ready"))
                .isEqualTo("The lab is not running, so nothing can be checked. Start it again to go on.");
        assertThat(en).contains(">Lab complete!</h2>", "You finished all 6 steps of this lab. Well done.",
                "Your earlier session has ended; this is the progress you made. Start the lab to begin afresh.",
                ">Preparing this step failed.</p>", ">Prepare again</button>");
    }

    /** Every label progress.js reads is on the page, translated: a label added to the script alone fails here. */
    @Test
    void everyLabelTheProgressScriptReadsIsOnThePage() {
        List<String> names = labelsRead("progress.js");
        assertThat(names).hasSizeGreaterThan(15).contains("status-passed", "blocked-note", "progress");
        String ja = get("/labs/check-fixture?lang=ja", null).asString();
        String ko = get("/labs/check-fixture?lang=ko", null).asString();
        String en = englishPage("check-fixture");
        for (String name : names) {
            assertThat(label(ja, "steps", name)).as("ja %s", name).isNotBlank().doesNotMatch("[A-Za-z ]+[.…]?");
            assertThat(label(ko, "steps", name)).as("ko %s", name).isNotBlank()
                    .isNotEqualTo(label(ja, "steps", name)).doesNotMatch("[A-Za-z ]+[.…]?");
            assertThat(label(en, "steps", name)).as("en %s", name).isNotBlank()
                    .isNotEqualTo(label(ja, "steps", name));
        }
    }

    @Test
    void eachStepWithACheckHasItsResultAndSetupBoxesHidden() {
        String html = get("/labs/web-fixture?lang=ja", null).asString();
        assertThat(tag(html, "step-result-run-container")).contains("hidden");
        assertThat(step(html, "run-container")).contains("<span class=\"step-hint-label\">ヒント</span>",
                "data-result-message", "data-hint-text");
        assertThat(tag(html, "step-setup-run-container")).contains("hidden");
        assertThat(step(html, "run-container")).contains("このステップの準備に失敗しました。",
                "data-setup-retry=\"run-container\"", ">準備をやり直す</button>");
        // A step without a check can neither fail nor be set up.
        assertThat(step(html, "clean-up")).doesNotContain("step-result-", "step-setup-");
        assertThat(tag(html, "progress-live")).contains("aria-live=\"polite\"");
    }

    @Test
    void theCompletionPanelAndTheEarlierProgressNoticeWaitHidden() {
        String html = get("/labs/web-fixture?lang=ja", null).asString();
        assertThat(tag(html, "lab-complete")).startsWith("<section").contains("role=\"status\"", "tabindex=\"-1\"",
                "aria-labelledby=\"lab-complete-title\"", "hidden");
        assertThat(html).contains("<h2 class=\"lab-complete-title\" id=\"lab-complete-title\">ラボを完了しました！</h2>",
                "このラボの全2ステップをクリアしました。お疲れさまでした。", "<a class=\"btn btn-primary\" href=\"/\">ラボ一覧に戻る</a>");
        assertThat(tag(html, "lab-complete-end")).startsWith("<button").contains("hidden");
        // At the top of the steps.
        assertThat(html).containsSubsequence("id=\"lab-progress\"", "id=\"lab-complete\"", "id=\"steps\"");
        assertThat(tag(html, "progress-notice")).contains("role=\"status\"", "hidden");
        assertThat(html).contains("前回のセッションは終了しています。表示しているのはそのときの進捗です。ラボを開始すると、最初からやり直しになります。");

        String ko = get("/labs/web-fixture?lang=ko", null).asString();
        assertThat(ko).contains(">랩을 완료했습니다!</h2>", "이 랩의 2단계를 모두 마쳤습니다.", ">전체 랩으로 돌아가기</a>");
    }

    @Test
    void withoutAuthoringModeThereIsNoSolveButton() {
        String html = get("/labs/check-fixture?lang=ja", null).asString();
        assertThat(tag(html, "lab")).contains("data-authoring=\"false\"");
        // check-fixture's make-file and follow-up have solve scripts: still no button.
        assertThat(html).doesNotContain("data-solve", "btn-solve", "このステップを解く", "解いています…");
        assertThat(step(html, "make-file")).contains("data-check=\"make-file\"");
    }

    /** The lab page as a lab in a language the bundle lacks shows it: with the English UI. */
    private String englishPage(String labId) {
        LabPage page = LabPage.of(catalog.find(labId).orElseThrow(), labs.document(labId, "ja"), false);
        return LabPageResource.Templates.lab("en", page).setLocale(java.util.Locale.ENGLISH).render();
    }
}
