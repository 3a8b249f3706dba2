package io.labdeck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The lab page in a real browser (Debian's Chromium, driven by Playwright): Start opens a live terminal into a
 * labdeck/sandbox-tiny sandbox (busybox sh), and what the learner types, runs, pastes or commits with an IME reaches
 * the shell intact. Chromium missing is a failure: deploy/browser/ensure-chromium.sh installs it.
 */
@QuarkusTest
class LabPageBrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final int WAIT_MS = 20_000;

    /** The lines of the terminal's buffer (scrollback included), as xterm shows them. */
    private static final String BUFFER_LINES = """
            () => {
              const buffer = window.Labdeck.terminal.buffer.active;
              const lines = [];
              for (let i = 0; i < buffer.length; i++) {
                lines.push(buffer.getLine(i).translateToString(true));
              }
              return lines;
            }""";

    /** Ends the page's session, if it has one. */
    private static final String END_SESSION = """
            () => {
              const session = window.Labdeck.currentSession();
              return session && fetch('/api/sessions/' + session.id, { method: 'DELETE' }).then(r => r.status);
            }""";

    private static Playwright playwright;
    private static Browser browser;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launchChromium() {
        assertThat(Files.isExecutable(CHROMIUM)).as("%s is missing: run deploy/browser/ensure-chromium.sh", CHROMIUM)
                .isTrue();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A fresh browser (so a fresh owner cookie) on the Japanese lab page, started, with its terminal connected. */
    @BeforeEach
    void startLab() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900).setLocale("ja-JP"));
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        // Keeps the page's websockets reachable, so a test can cut the connection the way a network would.
        context.addInitScript("""
                window.__sockets = [];
                window.WebSocket = class extends WebSocket {
                  constructor(...args) { super(...args); window.__sockets.push(this); }
                };""");
        page = context.newPage();
        page.navigate("http://localhost:" + port + "/labs/container-basics?lang=ja");
        assertThat(page.locator(".code-btn-run").first().isDisabled()).as("Run before the lab starts").isTrue();
        page.click("#start-lab");
        awaitConnected();
        awaitLine(line -> line.contains("$") || line.contains("#"), "a shell prompt");
    }

    /** No sandbox is left behind, whatever the test did. */
    @AfterEach
    void endLab() {
        if (page != null) {
            page.evaluate(END_SESSION);
        }
        if (context != null) {
            context.close();
        }
    }

    @Test
    void runButtonsRunTheStepsCommandsAndEndClosesTheTerminal() throws Exception {
        assertThat(page.textContent("#terminal-connection")).isEqualTo("接続済み");
        assertThat(page.locator(".code-btn-run").first().isEnabled()).as("Run once connected").isTrue();

        // A three-line block runs line by line, as if typed: mkdir, echo into the file, cat it.
        page.click("#step-own-files [data-command*='mkdir'][data-command*='cat'] [data-action=run]");
        awaitLine(line -> line.strip().equals("hello container"), "the output of cat hello.txt");
        assertThat(page.evaluate("() => document.activeElement.classList.contains('xterm-helper-textarea')"))
                .as("Run focuses the terminal").isEqualTo(true);

        page.click("#step-look-around [data-command='ps'] [data-action=run]");
        awaitLine(line -> line.strip().matches("PID\\s+USER\\s+(TIME\\s+)?COMMAND"), "the header ps prints");

        Path shot = Paths.get("target", "screenshots", "lab-terminal.png");
        Files.createDirectories(shot.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(shot));
        assertThat(Files.size(shot)).isPositive();

        page.click("#session-end");
        page.click("#session-end-confirm");
        page.waitForSelector("#terminal-pane[data-state=ended]", new Page.WaitForSelectorOptions().setTimeout(WAIT_MS));
        assertThat(page.evaluate("() => window.Labdeck.terminal")).isNull();
        assertThat(page.getAttribute("#terminal-connection", "data-connection")).isEqualTo("disconnected");
        assertThat(page.locator(".code-btn-run").first().isDisabled()).as("Run after the lab ended").isTrue();
        assertThat(page.evaluate("() => window.__sockets.every(s => s.readyState === WebSocket.CLOSED)")).isEqualTo(true);
    }

    @Test
    void textAnImeCommitsReachesTheShellFromTheTerminalAndFromTheComposeLine() {
        CDPSession cdp = page.context().newCDPSession(page);

        // In xterm's own textarea: what an IME commits arrives as one insertText. (busybox's line editor shows it as
        // "???", having no Unicode support; what the shell runs is exact, and the tty's own echo below is too.)
        page.evaluate("() => window.Labdeck.terminal.focus()");
        page.keyboard().type("printf '[%s]\\n' ");
        insertText(cdp, "日本語");
        page.keyboard().press("Enter");
        awaitLine(line -> line.strip().equals("[日本語]"), "[日本語] printed by the shell");
        // Typed before cat runs, the text would meet the line editor's tty modes (no echo): wait for cat first.
        page.keyboard().type("echo cat-ready; cat\n");
        awaitLine(line -> line.strip().equals("cat-ready"), "cat starting");
        insertText(cdp, "日本語");
        page.keyboard().press("Enter");
        awaitLines("日本語", 2, "日本語 echoed by the tty and printed by cat");
        page.keyboard().press("Control+C");

        // In the compose line. An Enter while the IME still composes only commits: nothing is sent.
        page.focus("#compose-input");
        page.keyboard().type("printf '<%s>\\n' ");
        cdp.send("Input.imeSetComposition", json("text", "かん", "selectionStart", 2, "selectionEnd", 2));
        page.keyboard().press("Enter");
        insertText(cdp, "한글");
        page.keyboard().press("Enter");
        awaitLine(line -> line.strip().equals("<한글>"), "<한글> printed by the shell");
        // Had the first Enter been sent, the shell would have run the line without 한글: twice, and printed <>.
        assertThat(lines()).as("the line went to the shell once, whole").filteredOn(line -> line.contains("<%s>"))
                .hasSize(1);
        assertThat(lines()).noneMatch(line -> line.strip().equals("<>"));
        assertThat(page.inputValue("#compose-input")).isEmpty();
        page.keyboard().type("echo cat-ready; cat");
        page.keyboard().press("Enter");
        awaitScreen(lines -> lines.stream().filter(line -> line.strip().equals("cat-ready")).count() == 2,
                "cat starting again");
        insertText(cdp, "한글");
        page.keyboard().press("Enter");
        awaitLines("한글", 2, "한글 echoed by the tty and printed by cat");

        // Up recalls the lines sent, newest first; Down comes back to the empty line being written.
        page.keyboard().press("ArrowUp");
        assertThat(page.inputValue("#compose-input")).isEqualTo("한글");
        page.keyboard().press("ArrowUp");
        assertThat(page.inputValue("#compose-input")).isEqualTo("echo cat-ready; cat");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        assertThat(page.inputValue("#compose-input")).isEmpty();
    }

    @Test
    void ctrlCInterruptsAndCopyAndPasteGoThroughTheClipboard() {
        page.evaluate("() => window.Labdeck.terminal.focus()");
        // Once "sleeping" shows, the shell has left its line editor: the ^C reaches sleep as a signal.
        page.keyboard().type("echo sleeping; sleep 60\n");
        awaitLine(line -> line.strip().equals("sleeping"), "sleep starting");
        page.keyboard().press("Control+C");
        page.keyboard().type("echo after-$((6*7))\n");
        awaitLine(line -> line.strip().equals("after-42"), "the shell back from ^C");

        // A paste event on xterm's textarea is what the context menu's Paste and Ctrl+Shift+V both cause.
        paste("echo pasted-$((2+3))");
        page.keyboard().press("Enter");
        awaitLine(line -> line.strip().equals("pasted-5"), "the pasted command's output");

        // Ctrl+Shift+V: the browser's own paste, from the clipboard.
        page.evaluate("text => navigator.clipboard.writeText(text)", "echo clipboard-$((3+4))");
        page.keyboard().press("Control+Shift+V");
        page.keyboard().press("Enter");
        awaitLine(line -> line.strip().equals("clipboard-7"), "the command pasted with Ctrl+Shift+V");

        // Ctrl+Shift+C copies the selection; a mouse selection is copied as it is made.
        page.evaluate("""
                () => {
                  const term = window.Labdeck.terminal;
                  const buffer = term.buffer.active;
                  for (let i = buffer.length - 1; i >= 0; i--) {
                    if (buffer.getLine(i).translateToString(true).trim() === 'pasted-5') {
                      term.select(0, i, 'pasted-5'.length);
                      return;
                    }
                  }
                }""");
        page.keyboard().press("Control+Shift+C");
        assertThat(clipboard()).isEqualTo("pasted-5");

        page.evaluate("text => navigator.clipboard.writeText(text)", "");
        double[] at = cellOf("after-42");
        page.mouse().dblclick(at[0], at[1]);
        page.waitForFunction("async () => (await navigator.clipboard.readText()) === 'after-42'", null,
                new Page.WaitForFunctionOptions().setTimeout(WAIT_MS));
        assertThat(clipboard()).isEqualTo("after-42");
    }

    /**
     * A 4 MB paste into a shell that does not read for 4 s: the server pauses the page's input and resumes it, and
     * every byte arrives in order (the paste's md5 as cat wrote it), with Ctrl-D after it as sent.
     */
    @Test
    void aPasteOfMegabytesIntoAShellThatIsSlowToReadArrivesWholeAndInOrder() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            text.append(String.format("line-%05d ", i)).append("x".repeat(88)).append('\n');
        }
        String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.evaluate("""
                () => {
                  window.__controls = [];
                  window.__sockets[window.__sockets.length - 1].addEventListener('message',
                      e => typeof e.data === 'string' && window.__controls.push(e.data));
                }""");
        page.evaluate("() => window.Labdeck.terminal.focus()");
        page.keyboard().type("stty -echo; echo ready-to-paste; sleep 4; cat > /tmp/paste.txt; stty echo\n");
        awaitLine(line -> line.strip().equals("ready-to-paste"), "the shell running the slow reader");
        paste(text.toString());
        page.keyboard().press("Control+D");
        page.keyboard().type("echo lines=$(wc -l < /tmp/paste.txt); md5sum < /tmp/paste.txt\n");
        awaitLine(line -> line.strip().equals("lines=40000"), "the line count of the pasted file");
        awaitLine(line -> line.startsWith(md5), "the md5 of the pasted text");
        @SuppressWarnings("unchecked")
        List<String> controls = (List<String>) page.evaluate("() => window.__controls");
        assertThat(controls).as("the server paused the paste and let it go on")
                .containsSubsequence("{\"type\":\"flow\",\"paused\":true}", "{\"type\":\"flow\",\"paused\":false}");
    }

    @Test
    void aLostConnectionComesBackWithTheScreenRestoredOnceAndTheSplitResizesTheTty() {
        page.evaluate("() => window.Labdeck.terminal.focus()");
        page.keyboard().type("echo before-$((20+1))\n");
        awaitLine(line -> line.strip().equals("before-21"), "output before the drop");

        page.evaluate("() => window.__sockets[window.__sockets.length - 1].close()");
        page.waitForSelector("#terminal-connection[data-connection=reconnecting]",
                new Page.WaitForSelectorOptions().setTimeout(WAIT_MS));
        assertThat(page.isDisabled("#compose-input")).as("the compose line while disconnected").isTrue();
        awaitConnected();
        awaitLine(line -> line.strip().equals("before-21"), "the replayed screen");
        assertThat(lines().stream().filter(line -> line.strip().equals("before-21"))).as("replayed once").hasSize(1);
        // The replay's cursor-position queries were not answered into the shell: the next command arrives clean.
        page.keyboard().type("echo after-$((20+2))\n");
        awaitLine(line -> line.strip().equals("after-22"), "output after the reconnect");

        // Moving the split with the keyboard widens the terminal, and the shell's tty follows.
        int cols = ((Number) page.evaluate("() => window.Labdeck.terminal.cols")).intValue();
        page.focus("#split-handle");
        for (int i = 0; i < 5; i++) {
            page.keyboard().press("ArrowLeft");
        }
        page.waitForFunction("cols => window.Labdeck.terminal.cols > cols + 5", cols);
        assertThat(page.evaluate("() => localStorage.getItem('labdeck.split.terminal-share')")).isEqualTo("54");
        // The last refit and its resize message are debounced: ask the tty until it has the terminal's size.
        page.evaluate("() => window.Labdeck.terminal.focus()");
        for (int attempt = 1; ; attempt++) {
            int wider = ((Number) page.evaluate("() => window.Labdeck.terminal.cols")).intValue();
            int rows = ((Number) page.evaluate("() => window.Labdeck.terminal.rows")).intValue();
            page.keyboard().type("stty size\n");
            if (showsWithin(line -> line.strip().equals(rows + " " + wider), 2_000)) {
                break;
            }
            assertThat(attempt).as("stty size = the terminal's new size; screen:%n%s", String.join("\n", lines()))
                    .isLessThan(5);
        }

        // A shell that exits is replaced, and the page says so.
        page.keyboard().type("exit\n");
        String exited = "シェルが終了しました。新しいシェルを起動します。";
        awaitScreen(lines -> lines.contains(exited) && lines.subList(lines.indexOf(exited), lines.size()).stream()
                .anyMatch(line -> line.matches(".*[#$]\\s*")), "the exited note, then the new shell's prompt");
        // busybox's line editor can drop a key that arrives during its cursor-position exchange right after a new
        // shell's first prompt; a learner would retype the command, and so does the test, at most three times.
        page.keyboard().type("echo new-$((20+3))\n");
        for (int attempt = 1; !showsWithin(line -> line.strip().equals("new-23"), 5_000); attempt++) {
            assertThat(attempt).as("attempts at a command in the new shell; screen:%n%s", String.join("\n", lines()))
                    .isLessThan(3);
            page.keyboard().type("echo new-$((20+3))\n");
        }
    }

    private boolean showsWithin(Predicate<String> line, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (lines().stream().anyMatch(line)) {
                return true;
            }
            page.waitForTimeout(100);
        }
        return false;
    }

    private void awaitConnected() {
        page.waitForSelector("#terminal-connection[data-connection=connected]",
                new Page.WaitForSelectorOptions().setTimeout(WAIT_MS));
    }

    /** Waits for count lines in a row that are exactly text. */
    private void awaitLines(String text, int count, String what) {
        awaitScreen(lines -> {
            int run = 0;
            for (String line : lines) {
                run = line.strip().equals(text) ? run + 1 : 0;
                if (run == count) {
                    return true;
                }
            }
            return false;
        }, what);
    }

    @SuppressWarnings("unchecked")
    private List<String> lines() {
        return (List<String>) page.evaluate(BUFFER_LINES);
    }

    private void awaitLine(Predicate<String> line, String what) {
        awaitScreen(lines -> lines.stream().anyMatch(line), what);
    }

    private void awaitScreen(Predicate<List<String>> screen, String what) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (screen.test(lines())) {
                return;
            }
            page.waitForTimeout(100);
        }
        fail("The terminal never showed %s. It shows:%n%s", what, String.join("\n", lines()));
    }

    private String clipboard() {
        return (String) page.evaluate("() => navigator.clipboard.readText()");
    }

    /** The page coordinates of the middle of the last line whose text is exactly this. */
    private double[] cellOf(String text) {
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) page.evaluate("""
                text => {
                  const term = window.Labdeck.terminal;
                  const buffer = term.buffer.active;
                  for (let i = buffer.length - 1; i >= 0; i--) {
                    if (buffer.getLine(i).translateToString(true).trim() === text) {
                      const box = term.element.querySelector('.xterm-screen').getBoundingClientRect();
                      const cell = { w: box.width / term.cols, h: box.height / term.rows };
                      return [box.left + cell.w * text.length / 2, box.top + cell.h * (i - buffer.viewportY + 0.5)];
                    }
                  }
                  return null;
                }""", text);
        assertThat(point).as("%s on screen", text).isNotNull();
        return new double[] { point.get(0).doubleValue(), point.get(1).doubleValue() };
    }

    private static void insertText(CDPSession cdp, String text) {
        cdp.send("Input.insertText", json("text", text));
    }

    private static JsonObject json(Object... pairs) {
        JsonObject json = new JsonObject();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] instanceof Number n) {
                json.addProperty((String) pairs[i], n);
            } else if (pairs[i + 1] instanceof Boolean b) {
                json.addProperty((String) pairs[i], b);
            } else {
                json.addProperty((String) pairs[i], (String) pairs[i + 1]);
            }
        }
        return json;
    }

    /** A paste event on xterm's textarea: what the context menu's Paste and Ctrl+Shift+V both cause. */
    private void paste(String text) {
        page.evaluate("""
                text => {
                  const data = new DataTransfer();
                  data.setData('text/plain', text);
                  document.querySelector('.xterm-helper-textarea')
                      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
                }""", text);
    }
}
