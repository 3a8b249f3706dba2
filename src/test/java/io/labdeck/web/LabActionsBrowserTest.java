package io.labdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The lab text's actions in Chromium, on the actions-fixture lab (a plain sandbox): an interrupt block stops a
 * running {@code sleep} and then runs; a copy-and-edit block refuses until its part is changed, then runs the edited
 * command; an open-file link opens the Editor tab on its file; a {@code {{port:N}}} link says the session must start
 * first, then opens the port's preview tab. Screenshots go to target/actions-*.png.
 */
@QuarkusTest
class LabActionsBrowserTest {

    private static Chromium chromium;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private BrowserContext context;
    private Page page;

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
    void openLab() {
        context = chromium.laptopContext("ja-JP");
        page = context.newPage();
        page.navigate("http://localhost:" + port + "/labs/actions-fixture?lang=ja");
    }

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
    void beforeTheSessionTheLinksSayItMustStartFirstAndLeadNowhere() {
        String link = ".intro a[data-action=open-port][data-port='5001']";
        Chromium.await(page, link + "[data-state=no-session]");
        assertThat(page.getAttribute(link, "href")).as("no address: never a broken link").isNull();
        assertThat(page.getAttribute(link, "data-ready")).isEqualTo("false");
        assertThat(page.textContent(link)).isEqualTo("5001");
        page.click(link);
        Chromium.await(page, ".intro .action-note");
        assertThat(page.textContent(".intro .action-note")).contains("先にセッションを開始してください");
        assertThat(page.url()).as("the click went nowhere").endsWith("/labs/actions-fixture?lang=ja");
        page.click("a[data-action=open-file]");
        assertThat(page.textContent("#step-open .action-note")).contains("先にセッションを開始してください");
        assertThat(page.locator("#step-edit input.edit-part[data-part=name]").inputValue()).isEqualTo("name");
        assertThat(page.textContent("#step-edit .edit-note")).contains("書き換えてから実行");
        assertThat(page.textContent("#step-interrupt .code-block[data-action=interrupt] .code-btn-run"))
                .isEqualTo("止めて実行");
        shot("before-session");
    }

    @Test
    void eachActionDoesWhatItSays() {
        Chromium.startLab(page);

        // Interrupt: a sleep runs in the foreground; the interrupt block stops it (status 130), then runs.
        page.click("#step-interrupt .code-block:not([data-action]) .code-btn-run");
        awaitLine(l -> l.contains("sleep 1000"), "the sleep typed");
        page.click("#step-interrupt .code-block[data-action=interrupt] .code-btn-run");
        awaitLine(l -> l.strip().equals("after-interrupt:130"), "the interrupt block's output after Ctrl-C");
        shot("interrupt");

        // Copy-and-edit: refused as it is, run once changed.
        String block = "#step-edit .code-block[data-action=edit]";
        page.click(block + " .code-btn-run");
        Chromium.await(page, block + " .edit-note[data-refused]");
        assertThat(page.textContent(block + " .edit-note")).contains("«name»", "書き換えてください");
        assertThat(page.evaluate("() => document.activeElement.dataset.part")).as("the part to change has the focus")
                .isEqualTo("name");
        page.locator(block).scrollIntoViewIfNeeded();
        shot("edit-refused");
        assertThat(lines()).noneMatch(l -> l.contains("greeting:"));
        page.fill(block + " input.edit-part[data-part=name]", "世界");
        assertThat(page.getAttribute(block, "data-edited")).isEqualTo("true");
        page.click(block + " .code-btn-run");
        awaitLine(l -> l.strip().equals("greeting:世界"), "the edited command's output");
        assertThat(lines()).noneMatch(l -> l.contains("«"));
        shot("edit-ran");

        // Open-file: the Editor tab on that file.
        page.click("#step-open a[data-action=open-file]");
        page.waitForSelector("#panel-editor[data-open='notes/todo.txt'] .cm-content", visible());
        assertThat(page.getAttribute("#tab-editor", "aria-selected")).isEqualTo("true");
        shot("open-file");

        // {{port:5001}}: the preview's address, and its tab.
        String session = (String) page.evaluate("() => window.Labdeck.currentSession().id");
        String link = ".intro a[data-action=open-port][data-port='5001']";
        Chromium.await(page, link + "[data-ready=true]");
        assertThat(page.getAttribute(link, "href")).isEqualTo("/sessions/" + session + "/ports/5001/");
        page.click(link);
        page.waitForSelector("#tab-port-5001[aria-selected=true]", visible());
        assertThat(page.getAttribute("#preview-frame-5001", "src")).isEqualTo("/sessions/" + session
                + "/ports/5001/");
        assertThat(page.url()).as("the page stayed").endsWith("/labs/actions-fixture?lang=ja");
        shot("open-port");
    }

    private static Page.WaitForSelectorOptions visible() {
        return new Page.WaitForSelectorOptions().setTimeout(Chromium.WAIT_MS);
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "actions-" + name + ".png")));
    }

    private List<String> lines() {
        return Chromium.terminalLines(page);
    }

    private void awaitLine(Predicate<String> line, String what) {
        Chromium.awaitLine(page, line, what, Chromium.WAIT_MS);
    }
}
