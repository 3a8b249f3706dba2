package io.labdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, for the lab page's browser tests: one browser per test class, a fresh
 * context (so a fresh owner cookie) per test. Chromium missing is a failure: deploy/browser/ensure-chromium.sh
 * installs it.
 */
final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

    /** How long the page may take to show what a test waits for: a sandbox start, a background check. */
    static final int WAIT_MS = 20_000;

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch() {
        assertThat(Files.isExecutable(EXECUTABLE)).as("%s is missing: run deploy/browser/ensure-chromium.sh",
                EXECUTABLE).isTrue();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        return new Chromium(playwright, browser);
    }

    /** A fresh browser profile in Japanese. */
    BrowserContext newContext() {
        return newContext("ja-JP");
    }

    /** A fresh browser profile in a language of its own ({@code ko-KR}, ...). */
    BrowserContext newContext(String locale) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900).setLocale(locale));
    }

    /** A fresh browser profile on a laptop's screen (1366x768). */
    BrowserContext laptopContext(String locale) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale(locale));
    }

    /** A fresh browser profile that answers basic auth challenges with these credentials, on a laptop's screen. */
    BrowserContext newContext(String locale, String user, String password) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale(locale)
                .setHttpCredentials(user, password));
    }

    /** Clicks Start and waits until the terminal is connected and the shell has drawn its prompt. */
    static void startLab(Page page) {
        page.click("#start-lab");
        awaitPrompt(page, WAIT_MS);
    }

    /** Waits until the page's terminal is connected and the shell has drawn its prompt. */
    static void awaitPrompt(Page page, int timeoutMs) {
        page.waitForSelector("#terminal-connection[data-connection=connected]",
                new Page.WaitForSelectorOptions().setTimeout(timeoutMs));
        page.waitForFunction("""
                () => {
                  const buffer = window.Labdeck.terminal.buffer.active;
                  for (let i = 0; i < buffer.length; i++) {
                    if (/[#$]\\s*$/.test(buffer.getLine(i).translateToString(true))) {
                      return true;
                    }
                  }
                  return false;
                }""", null, new Page.WaitForFunctionOptions().setTimeout(timeoutMs));
    }

    /** The lines of the page's terminal buffer (scrollback included), as xterm shows them. */
    @SuppressWarnings("unchecked")
    static List<String> terminalLines(Page page) {
        return (List<String>) page.evaluate("""
                () => {
                  const buffer = window.Labdeck.terminal.buffer.active;
                  const lines = [];
                  for (let i = 0; i < buffer.length; i++) {
                    lines.push(buffer.getLine(i).translateToString(true));
                  }
                  return lines;
                }""");
    }

    /** Waits until a line of the page's terminal matches, failing with what it shows instead. */
    static void awaitLine(Page page, java.util.function.Predicate<String> line, String what, int timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (terminalLines(page).stream().anyMatch(line)) {
                return;
            }
            page.waitForTimeout(100); // polls the terminal's buffer, which has no event to wait on
        }
        org.assertj.core.api.Assertions.fail("The terminal never showed %s. It shows:%n%s", what,
                String.join("\n", terminalLines(page)));
    }

    /** Types a command into the terminal as a learner would: click into it, type, press Enter. */
    static void typeInTerminal(Page page, String command) {
        page.click("#terminal-host .xterm-screen");
        page.keyboard().type(command);
        page.keyboard().press("Enter");
    }

    /** Ends the page's live session, if it has one, so no sandbox outlives the test. */
    static void endSession(Page page) {
        page.evaluate("""
                () => {
                  const session = window.Labdeck && window.Labdeck.currentSession();
                  return session && fetch('/api/sessions/' + session.id, { method: 'DELETE' }).then(r => r.status);
                }""");
    }

    /** Waits for an element to match the selector, failing after {@link #WAIT_MS}. */
    static void await(Page page, String selector) {
        page.waitForSelector(selector, new Page.WaitForSelectorOptions().setTimeout(WAIT_MS));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
