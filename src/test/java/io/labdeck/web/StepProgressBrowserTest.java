package io.labdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Step progress on the lab page in a real browser against real labdeck/sandbox-tiny sandboxes: a step turns green by
 * itself when the learner types the right command, Check shows why a step did not pass and its hint, blocked steps
 * wait, a failed step setup can be retried, a finished lab says so (also after a reload), and an ended session's
 * progress stays readable until a new session starts from zero. Uses the fixture labs check-fixture and
 * gated-fixture (src/test/resources/fixture-labs).
 */
@QuarkusTest
class StepProgressBrowserTest {

    private static Chromium chromium;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private BrowserContext context;
    private Page page;
    /** Every step action the page asked the server for: check, solve, setup. */
    private final List<String> stepPosts = new CopyOnWriteArrayList<>();

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

    @BeforeEach
    void openBrowser() {
        context = chromium.newContext();
        page = context.newPage();
        page.onRequest(request -> {
            if (request.method().equals("POST") && request.url().contains("/steps/")) {
                stepPosts.add(request.url());
            }
        });
    }

    /** No sandbox is left behind, whatever the test did. */
    @AfterEach
    void endLab() {
        if (page != null) {
            Chromium.endSession(page);
        }
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aStepTurnsGreenByItselfWhenTheLearnerTypesTheRightCommand() {
        open("check-fixture");
        assertThat(text("#lab-progress-label")).isEqualTo("0 / 6 ステップ完了");
        assertThat(page.isDisabled("#step-make-file [data-check]")).as("Check before the lab starts").isTrue();
        Chromium.startLab(page);

        // follow-up needs make-file: it waits, and names the step it waits for by its title.
        Chromium.await(page, "#step-follow-up[data-status=blocked]");
        Chromium.await(page, "#step-make-file [data-check]:not([disabled])");
        assertThat(page.isDisabled("#step-follow-up [data-check]")).as("Check of a blocked step").isTrue();
        assertThat(text("#step-follow-up [data-status-badge]")).isEqualTo("ロック中");
        assertThat(text("#check-note-follow-up")).isEqualTo("次のステップを終えると開きます：ファイルを作る");
        assertThat(status("make-file")).isEqualTo("pending");

        Chromium.typeInTerminal(page, "touch made.txt");
        Chromium.await(page, "#step-make-file[data-status=passed]");
        assertThat(stepPosts).as("nothing was clicked: the server checked by itself").isEmpty();
        assertThat(text("#step-make-file [data-status-badge]")).isEqualTo("完了");
        assertThat(text("#step-result-make-file [data-result-title]")).isEqualTo("完了しました。このステップはクリアです。");
        page.waitForFunction("() => document.getElementById('lab-progress').value === 1");
        assertThat(text("#lab-progress-label")).isEqualTo("1 / 6 ステップ完了");

        // The pass opened follow-up.
        Chromium.await(page, "#step-follow-up[data-status=pending] [data-check]:not([disabled])");
        assertThat(text("#step-follow-up [data-status-badge]")).isEqualTo("未確認");
        screenshot("step-passed.png");
    }

    @Test
    void checkShowsWhatTheCheckFoundAndTheHint() {
        open("check-fixture");
        Chromium.startLab(page);
        Chromium.await(page, "#step-make-file [data-check]:not([disabled])");

        page.click("#step-make-file [data-check]");
        Chromium.await(page, "#step-make-file[data-status=failed]");
        assertThat(text("#step-make-file [data-status-badge]")).isEqualTo("未達成");
        assertThat(text("#step-result-make-file [data-result-title]")).isEqualTo("まだ完了していません。確認の結果：");
        assertThat(text("#step-result-make-file [data-result-message]")).contains("made.txt is missing");
        assertThat(text("#step-result-make-file [data-hint-text]")).isEqualTo("touch made.txt を実行してください。");

        // slow runs into its 2 s timeout: the step says it is checking meanwhile, and the button keeps the focus.
        page.click("#step-slow [data-check]");
        assertThat(text("#step-slow [data-check]")).isEqualTo("確認中…");
        assertThat(text("#step-slow [data-status-badge]")).isEqualTo("確認中…");
        assertThat(page.getAttribute("#step-slow", "aria-busy")).isEqualTo("true");
        Chromium.await(page, "#step-slow[data-status=failed]");
        assertThat(text("#step-slow [data-check]")).isEqualTo("確認");
        assertThat(page.evaluate("() => document.activeElement.getAttribute('data-check')")).isEqualTo("slow");
        assertThat(page.isVisible("#step-result-slow [data-result-message]")).isTrue();
        assertThat(text("#step-result-slow [data-result-message]")).contains("did not finish within");
        assertThat(text("#step-result-slow [data-hint-text]")).isEqualTo("待ちすぎです。");
        assertThat(text("#lab-progress-label")).isEqualTo("0 / 6 ステップ完了");
        screenshot("step-failed.png");

        // A failed check is no dead end: doing the step and checking again passes it.
        Chromium.typeInTerminal(page, "touch made.txt");
        Chromium.await(page, "#step-make-file[data-status=passed]");
        assertThat(page.isHidden("#step-result-make-file [data-result-hint]")).isTrue();
    }

    @Test
    void aFailedStepSetupSaysWhyAndCanBeRetried() {
        open("check-fixture");
        Chromium.startLab(page);

        Chromium.await(page, "#step-setup-bad-setup");
        assertThat(text("#step-setup-bad-setup [data-setup-message]")).contains("allow-setup is missing");
        Chromium.typeInTerminal(page, "touch allow-setup");
        page.click("[data-setup-retry=bad-setup]");
        page.waitForSelector("#step-setup-bad-setup", new Page.WaitForSelectorOptions()
                .setState(WaitForSelectorState.HIDDEN).setTimeout(Chromium.WAIT_MS));

        page.click("#step-bad-setup [data-check]");
        Chromium.await(page, "#step-bad-setup[data-status=passed]");
    }

    @Test
    void finishingEveryStepShowsTheCompletionPanelAlsoAfterAReload() throws Exception {
        open("gated-fixture");
        assertThat(page.isHidden("#lab-complete")).isTrue();
        Chromium.startLab(page);
        Chromium.await(page, "#step-second[data-status=blocked]");

        Chromium.typeInTerminal(page, "touch first.txt second.txt");
        Chromium.await(page, "#step-first[data-status=passed]");
        // The background check opens second when first passes and checks it in the same round, or the next round:
        // nobody clicks Check here, so a missing background check fails the test.
        page.waitForSelector("#step-second[data-status=passed]", new Page.WaitForSelectorOptions().setTimeout(20_000));

        Chromium.await(page, "#lab-complete");
        assertThat(page.evaluate("() => document.activeElement.id")).as("focus on the panel").isEqualTo("lab-complete");
        assertThat(page.getAttribute("#lab-complete", "role")).isEqualTo("status");
        assertThat(text("#lab-complete")).contains("ラボを完了しました！", "このラボの全2ステップをクリアしました。");
        assertThat(page.getAttribute("#lab-complete a", "href")).isEqualTo("/");
        assertThat(text("#lab-progress-label")).isEqualTo("2 / 2 ステップ完了");
        screenshot("lab-complete.png");

        page.reload();
        Chromium.await(page, "#lab-complete");
        Chromium.await(page, "#lab-complete-end");
        assertThat(status("first")).isEqualTo("passed");
        assertThat(status("second")).isEqualTo("passed");

        // Its End asks session.js's confirmation; once ended, the steps keep their statuses but not their checks.
        page.click("#lab-complete-end");
        Chromium.await(page, "#session-confirm");
        page.click("#session-end-confirm");
        Chromium.await(page, "#terminal-pane[data-state=ended]");
        assertThat(status("second")).isEqualTo("passed");
        assertThat(page.isDisabled("#step-second [data-check]")).isTrue();
        assertThat(page.isVisible("#lab-complete")).isTrue();
        assertThat(page.isHidden("#lab-complete-end")).isTrue();
    }

    @Test
    void anEndedSessionsProgressShowsReadOnlyUntilANewSessionStartsFromZero() {
        open("gated-fixture");
        Chromium.startLab(page);
        Chromium.typeInTerminal(page, "touch first.txt");
        Chromium.await(page, "#step-first[data-status=passed]");
        page.click("#session-end");
        page.click("#session-end-confirm");
        Chromium.await(page, "#terminal-pane[data-state=ended]");

        page.reload();
        Chromium.await(page, "#progress-notice");
        assertThat(text("#progress-notice")).isEqualTo(
                "前回のセッションは終了しています。表示しているのはそのときの進捗です。ラボを開始すると、最初からやり直しになります。");
        assertThat(page.getAttribute("#terminal-pane", "data-state")).isEqualTo("idle");
        // first passed and opened second; nothing can be checked without a session.
        assertThat(status("first")).isEqualTo("passed");
        assertThat(status("second")).isEqualTo("pending");
        assertThat(page.isDisabled("#step-first [data-check]")).isTrue();
        assertThat(page.isDisabled("#step-second [data-check]")).isTrue();
        assertThat(text("#lab-progress-label")).isEqualTo("1 / 2 ステップ完了");
        assertThat(page.isHidden("#lab-complete")).isTrue();

        Chromium.startLab(page);
        Chromium.await(page, "#step-first[data-status=pending] [data-check]:not([disabled])");
        assertThat(page.isHidden("#progress-notice")).isTrue();
        assertThat(status("second")).isEqualTo("blocked");
        assertThat(text("#lab-progress-label")).isEqualTo("0 / 2 ステップ完了");
        assertThat(page.isHidden("#step-result-first")).isTrue();
    }

    private void open(String labId) {
        page.navigate("http://localhost:" + port + "/labs/" + labId + "?lang=ja");
    }

    private String status(String stepId) {
        return page.getAttribute("#step-" + stepId, "data-status");
    }

    private String text(String selector) {
        return page.textContent(selector).strip();
    }

    private void screenshot(String name) {
        Path shot = Paths.get("target", "screenshots", name);
        try {
            Files.createDirectories(shot.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
    }
}
