package io.labdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The lab page's tabs in Chromium on a laptop's screen (1366x768): the learner opens the Editor, writes a Dockerfile
 * (with Japanese through the IME's path) and saves it with Ctrl-S, and the terminal's {@code cat} shows it; files
 * uploaded with the button and dropped on the terminal land in the working directory, a file over the cap is refused
 * in words; the lab text's events open a file and a port preview. Screenshots go to target/editor-*.png.
 */
@QuarkusTest
class EditorBrowserTest {

    /** Drops files made in the page on the element: what a drag from the desktop delivers. */
    private static final String DROP = """
            ([selector, files]) => {
              const data = new DataTransfer();
              files.forEach(([name, text, size]) => data.items.add(new File(size ? [new Uint8Array(size)] : [text], name)));
              const target = document.querySelector(selector);
              const init = { dataTransfer: data, bubbles: true, cancelable: true };
              target.dispatchEvent(new DragEvent('dragenter', init));
              target.dispatchEvent(new DragEvent('dragover', init));
              target.dispatchEvent(new DragEvent('drop', init));
            }""";

    /** Files dragged over the terminal, not yet dropped. */
    private static final String DRAG_OVER = """
            () => {
              const data = new DataTransfer();
              data.items.add(new File(['x'], 'x.txt'));
              document.querySelector('#panel-terminal').dispatchEvent(new DragEvent('dragover',
                  { dataTransfer: data, bubbles: true, cancelable: true }));
            }""";

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
    void startLab() {
        context = chromium.laptopContext("ja-JP");
        page = context.newPage();
        page.navigate("http://localhost:" + port + "/labs/container-basics?lang=ja");
        Chromium.startLab(page);
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
    void aDockerfileWrittenInTheEditorAndSavedIsWhatTheShellSees() throws Exception {
        assertThat(page.getAttribute("#tab-terminal", "aria-selected")).isEqualTo("true");
        shot("terminal");
        page.click("#tab-editor");
        page.waitForSelector("#panel-editor:not([hidden]) .editor-tree", visible());
        page.click("#editor-new");
        page.fill("#editor-new-name", "Dockerfile");
        page.press("#editor-new-name", "Enter");
        page.waitForSelector("#panel-editor[data-open='Dockerfile'] .cm-content", visible());
        page.waitForSelector("#editor-tree [data-path='Dockerfile']", visible());

        page.click(".cm-content");
        page.keyboard().type("FROM alpine\nCOPY hello.txt /\n# ");
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("Input.imeSetComposition", json("text", "にほんご", "selectionStart", 4, "selectionEnd", 4));
        cdp.send("Input.insertText", json("text", "日本語"));
        page.keyboard().type(" 한글\n");
        assertThat(page.isHidden("#editor-dirty")).as("the dot marks unsaved changes").isFalse();
        assertThat(page.locator(".cm-content .cm-line").first().innerHTML()).as("Dockerfile syntax")
                .contains("<span");
        shot("dirty");
        page.keyboard().press("Control+S");
        page.waitForSelector("#panel-editor[data-saved='Dockerfile']", visible());
        page.waitForSelector("#editor-dirty", new Page.WaitForSelectorOptions().setState(
                com.microsoft.playwright.options.WaitForSelectorState.HIDDEN).setTimeout(Chromium.WAIT_MS));
        shot("saved");

        page.click("#tab-terminal");
        page.evaluate("() => window.Labdeck.terminal.focus()");
        page.keyboard().type("cat Dockerfile\n");
        awaitLine(line -> line.strip().equals("# 日本語 한글"), "the saved Dockerfile's last line");
        assertThat(lines()).anyMatch(line -> line.strip().equals("FROM alpine"));

        // Uploads: with the button, and dropped on the terminal; both land in the working directory.
        page.click("#tab-editor");
        page.setInputFiles("#editor-upload-input", new FilePayload("hello.txt", "text/plain",
                "hello from the button\n".getBytes(StandardCharsets.UTF_8)));
        page.waitForSelector("#editor-tree [data-path='hello.txt']", visible());
        page.click("#tab-terminal");
        page.evaluate(DRAG_OVER);
        assertThat(page.getAttribute("#panel-terminal", "class")).contains("is-drop-target");
        shot("drop-hint");
        page.evaluate(DROP, List.of("#panel-terminal", List.of(List.of("dropped.txt", "dropped on the terminal\n", 0))));
        page.waitForSelector("#upload-status[data-state=done]", visible());
        page.evaluate("() => window.Labdeck.terminal.focus()");
        page.keyboard().type("cat hello.txt dropped.txt\n");
        awaitLine(line -> line.strip().equals("dropped on the terminal"), "the dropped file");
        assertThat(lines()).anyMatch(line -> line.strip().equals("hello from the button"));

        page.evaluate(DROP, List.of("#panel-terminal", List.of(List.of("big.bin", "", 21 * 1024 * 1024))));
        page.waitForSelector("#upload-status[data-state=error]", visible());
        assertThat(page.textContent("#upload-status")).contains("big.bin").contains("大きすぎ")
                .contains("at most 20971520 bytes");
        shot("upload-refused");
    }

    @Test
    void theLabTextsEventsOpenAFileAndAPortPreviewAndItFitsANarrowScreen() {
        page.evaluate("() => document.dispatchEvent(new CustomEvent('labdeck:open-file',"
                + " { detail: { path: 'app/main.py' } }))");
        page.waitForSelector("#panel-editor[data-open='app/main.py'] .cm-content", visible());
        assertThat(page.getAttribute("#tab-editor", "aria-selected")).isEqualTo("true");
        page.keyboard().type("print('hi')\n");
        assertThat(page.evaluate("() => window.Labdeck.editor().text")).as("typed into the opened file")
                .isEqualTo("print('hi')\n");
        page.click("#editor-save");
        page.waitForSelector("#panel-editor[data-saved='app/main.py']", visible());
        page.click("#editor-tree [data-path='app']");
        page.waitForSelector("#editor-tree [data-path='app/main.py']", visible());
        assertThat(page.getAttribute("#editor-tree [data-path='app'] ~ a.tree-download", "href"))
                .endsWith("/files?path=app");


        page.evaluate("() => document.dispatchEvent(new CustomEvent('labdeck:open-port', { detail: { port: 5001 } }))");
        page.waitForSelector("#tab-port-5001[aria-selected=true]", visible());
        String session = (String) page.evaluate("() => window.Labdeck.currentSession().id");
        assertThat(page.getAttribute("#preview-frame-5001", "src")).isEqualTo("/sessions/" + session
                + "/ports/5001/");
        assertThat(page.getAttribute("#preview-open-5001", "target")).isEqualTo("_blank");
        assertThat(page.isHidden("#panel-editor")).isTrue();
        shot("port-tab");
        page.click("#tab-close-5001");
        assertThat(page.locator("#tab-port-5001").count()).isZero();
        assertThat(page.getAttribute("#tab-editor", "aria-selected")).as("the tab left of the closed one")
                .isEqualTo("true");
        assertThat(page.isHidden("#port-bar")).as("no ports known: no bar").isTrue();

        page.setViewportSize(800, 900);
        page.waitForSelector("#panel-editor .cm-line:has-text(\"print('hi')\")", visible());
        assertThat(page.locator("#editor-host .cm-editor").count()).as("one editor, however it was opened").isEqualTo(1);
        double width = ((Number) page.evaluate("() => document.querySelector('#panel-editor').getBoundingClientRect()"
                + ".width")).doubleValue();
        assertThat(width).as("the editor takes the narrow screen's width").isBetween(600.0, 800.0);
        shot("narrow");

        // A file deeper than the listing's four levels: its folders open one by one, each past the fourth listed
        // on its own.
        page.evaluate("() => document.dispatchEvent(new CustomEvent('labdeck:open-file',"
                + " { detail: { path: 'a/b/c/d/e/deep.txt' } }))");
        page.waitForSelector("#panel-editor[data-open='a/b/c/d/e/deep.txt'] .cm-content", visible());
        page.keyboard().type("deep\n");
        page.keyboard().press("Control+S");
        page.waitForSelector("#panel-editor[data-saved='a/b/c/d/e/deep.txt']", visible());
        for (String folder : List.of("a", "a/b", "a/b/c", "a/b/c/d", "a/b/c/d/e")) {
            page.click("#editor-tree [data-path='" + folder + "']");
        }
        page.waitForSelector("#editor-tree [data-path='a/b/c/d/e/deep.txt']", visible());
    }

    private static Page.WaitForSelectorOptions visible() {
        return new Page.WaitForSelectorOptions().setTimeout(Chromium.WAIT_MS);
    }

    private void shot(String name) throws RuntimeException {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "editor-" + name + ".png")));
    }

    private List<String> lines() {
        return Chromium.terminalLines(page);
    }

    private void awaitLine(Predicate<String> line, String what) {
        Chromium.awaitLine(page, line, what, Chromium.WAIT_MS);
    }

    private static JsonObject json(Object... pairs) {
        JsonObject json = new JsonObject();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] instanceof Number n) {
                json.addProperty((String) pairs[i], n);
            } else {
                json.addProperty((String) pairs[i], (String) pairs[i + 1]);
            }
        }
        return json;
    }
}
