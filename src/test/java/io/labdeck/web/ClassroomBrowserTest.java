package io.labdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A class in three real browsers against the real engine (Debian's Chromium, labdeck/sandbox-tiny sandboxes of the
 * check-fixture lab): an instructor creates the class on /classes; two learners join it by its code, one with a
 * Japanese browser and one with a Korean one; the first passes a step and the instructor's grid turns that cell
 * green; the second raises a hand and it appears on the dashboard; the instructor watches the second learner's
 * terminal, types into it once allowed, and broadcasts to both. Screenshots go into target/.
 */
@QuarkusTest
@TestProfile(ClassroomBrowserTest.WithInstructor.class)
class ClassroomBrowserTest {

    static final String USER = "teacher";
    static final String PASSWORD = "browser-test-pass-1";

    /** The first instructor, as LABDECK_ADMIN_USER and LABDECK_ADMIN_PASSWORD would give it. */
    public static class WithInstructor implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("labdeck.admin.user", USER, "labdeck.admin.password", PASSWORD);
        }
    }

    /** A sandbox start (two at once here) can take longer than a page's usual wait. */
    private static final int START_MS = 60_000;

    /** Whether a line of the page's terminal (scrollback included) matches the regular expression given. */
    private static final String TERMINAL_HAS = """
            (pattern) => {
              const term = window.Labdeck && window.Labdeck.terminal;
              if (!term) {
                return false;
              }
              const buffer = term.buffer.active;
              const re = new RegExp(pattern);
              for (let i = 0; i < buffer.length; i++) {
                if (re.test(buffer.getLine(i).translateToString(true))) {
                  return true;
                }
              }
              return false;
            }""";

    private static Chromium chromium;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<Page> learners = new ArrayList<>();

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

    /** No sandbox is left behind, whatever the test did. */
    @AfterEach
    void endSessions() {
        learners.forEach(Chromium::endSession);
        contexts.forEach(BrowserContext::close);
    }

    @Test
    void anInstructorFollowsTwoLearnersHelpsOneAndLooksOverTheirShoulder() throws Exception {
        // The instructor creates the class on the page, and gets the join code, the link and the QR code.
        Page teacher = open(chromium.newContext("en-US", USER, PASSWORD), "/classes");
        assertThat(teacher.textContent("h1")).isEqualTo("Your classes");
        teacher.fill("#class-name", "Docker workshop");
        teacher.selectOption("#class-lab", "check-fixture");
        teacher.selectOption("#class-lang", "ja");
        teacher.click("#class-create");
        Chromium.await(teacher, "#class-created:not([hidden])");
        String code = teacher.textContent("#created-join-code").strip();
        assertThat(code).matches("[A-Z0-9]{6}");
        assertThat(teacher.getAttribute("#created-join-url", "href")).endsWith("/join/" + code);
        teacher.waitForFunction("() => document.getElementById('created-qr').naturalWidth > 0");
        Chromium.await(teacher, "#class-table tr[data-class] >> text=Docker workshop");
        screenshot(teacher, "classroom-created.png");
        teacher.click("#created-dashboard");
        Chromium.await(teacher, "#class-dashboard");
        Chromium.await(teacher, "#dash-title >> text=Docker workshop");

        // Two learners join: a Japanese browser and a Korean one, each sees the join page in its language.
        // The class is held in Japanese; the Korean learner is offered, and reads, the lab's Korean text.
        Page sakura = join("ja-JP", code, "さくら", "クラスに参加", "ja");
        Page minjun = join("ko-KR", code, "민준", "클래스 참가", "ko");
        Chromium.await(sakura, "#step-make-file >> text=ファイルを作る");
        Chromium.await(minjun, "#step-make-file >> text=파일 만들기");
        String sakuraId = sessionId(sakura);
        String minjunId = sessionId(minjun);
        Chromium.await(teacher, "#class-grid tbody tr[data-session='" + sakuraId + "'] >> text=さくら");
        Chromium.await(teacher, "#class-grid tbody tr[data-session='" + minjunId + "'] >> text=민준");
        Chromium.await(teacher, "#class-grid tr[data-session='" + minjunId + "'] [data-badge=lang] >> text=KO");
        String cell = "#class-grid td[data-session='" + sakuraId + "'][data-step='make-file']";
        assertThat(teacher.getAttribute(cell, "data-status")).isEqualTo("pending");

        // One passes a step: the instructor's cell turns green, with its symbol and its word.
        Chromium.typeInTerminal(sakura, "touch made.txt");
        Chromium.await(sakura, "#step-make-file[data-status=passed]");
        Chromium.await(teacher, cell + "[data-status=passed]");
        assertThat(teacher.textContent(cell)).contains("✓").contains("Passed");
        assertThat(teacher.evaluate("(s) => getComputedStyle(document.querySelector(s)).backgroundColor", cell))
                .as("the passed cell is green").isEqualTo("rgb(227, 246, 234)");
        assertThat(teacher.getAttribute("#class-grid td[data-session='" + minjunId + "'][data-step='make-file']",
                "data-status")).isEqualTo("pending");

        // The other raises a hand: it shows at the top of the dashboard, with the step they are on.
        Chromium.await(minjun, "#class-bar:not([hidden])");
        minjun.click("#class-help");
        Chromium.await(minjun, "#class-help[aria-pressed=true]");
        String hand = "#hands li[data-session='" + minjunId + "']";
        Chromium.await(teacher, hand);
        assertThat(teacher.textContent(hand)).contains("민준").contains("ファイルを作る");
        Chromium.await(teacher, "#class-grid tr[data-session='" + minjunId + "'] [data-badge=hand]");
        assertThat(teacher.textContent("#live-mode")).isIn("Live", "Polling every second");
        screenshot(teacher, "classroom-dashboard.png");

        // The instructor looks over the shoulder: the learner's terminal, live and read-only.
        Chromium.typeInTerminal(minjun, "echo watch-$((6*7))");
        awaitTerminal(minjun, "^watch-42$");
        teacher.click("#class-grid tr[data-session='" + minjunId + "'] a[data-action=watch]");
        Chromium.await(teacher, "#class-watch");
        Chromium.await(teacher, "#watch-connection[data-connection=connected]");
        awaitTerminal(teacher, "^watch-42$");
        Chromium.await(teacher, "#watch-title >> text=민준");
        assertThat(teacher.getAttribute("#watch-takeover", "data-allowed")).isEqualTo("false");
        Chromium.await(teacher, "#watch-steps li[data-step='make-file']");
        // The learner serves a port: the watch view links to its preview, which the instructor may open.
        Chromium.typeInTerminal(minjun, "busybox httpd -p 8000 -h \"$HOME\"");
        Chromium.await(teacher, "#watch-port-8000[data-state=answering]");
        assertThat(teacher.getAttribute("#watch-port-8000", "href")).isEqualTo("/sessions/" + minjunId
                + "/ports/8000/");
        assertThat(teacher.getAttribute("#watch-port-8000", "target")).isEqualTo("_blank");
        screenshot(teacher, "classroom-watch.png");

        // Once the learner lets the instructor type, what the instructor types reaches the learner's shell.
        Chromium.await(minjun, "#class-takeover:not([disabled])");
        minjun.click("#class-takeover");
        Chromium.await(minjun, "#class-takeover[aria-checked=true]");
        Chromium.await(minjun, "#takeover-banner:not([hidden])");
        Chromium.await(teacher, "#watch-takeover[data-allowed=true]");
        teacher.click("#watch-host .xterm-screen");
        teacher.keyboard().type("echo typed-by-$((2+3))");
        teacher.keyboard().press("Enter");
        awaitTerminal(minjun, "^typed-by-5$");
        screenshot(minjun, "classroom-takeover-ko.png");
        minjun.click("#takeover-off");
        Chromium.await(teacher, "#watch-takeover[data-allowed=false]");
        Chromium.await(minjun, "#class-takeover[aria-checked=false]");

        // Back on the dashboard: the instructor answers the hand and broadcasts to everyone.
        teacher.goBack();
        Chromium.await(teacher, hand + " [data-action=answer]");
        teacher.click(hand + " [data-action=answer]");
        Chromium.await(teacher, "#hands-empty:not([hidden])");
        teacher.fill("#broadcast-text", "Break until 11:00");
        teacher.click("#broadcast-send");
        Chromium.await(teacher, "#broadcast-status >> text=Sent to every learner.");
        for (Page learner : learners) {
            Chromium.await(learner, "#class-broadcast-text >> text=Break until 11:00");
        }
        Chromium.await(minjun, "#class-help[aria-pressed=false]");
        screenshot(sakura, "classroom-learner-ja.png");
    }

    private Page open(BrowserContext context, String path) {
        contexts.add(context);
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + path);
        return page;
    }

    /**
     * A learner opens the join link, types a name, finds their language chosen, and lands on the lab page in it with
     * a live terminal.
     */
    private Page join(String locale, String code, String name, String title, String lang) throws Exception {
        Page page = open(chromium.newContext(locale), "/join/" + code);
        learners.add(page);
        assertThat(page.textContent("#join-title")).isEqualTo(title);
        assertThat(page.inputValue("#join-code")).isEqualTo(code);
        page.fill("#join-name", name);
        Chromium.await(page, "#join-lang:not([hidden])");
        assertThat(page.inputValue("#join-lang")).as("the browser's language, which the lab has").isEqualTo(lang);
        page.click("#join-submit");
        page.waitForURL("**/labs/check-fixture?lang=" + lang);
        Chromium.awaitPrompt(page, START_MS);
        if (locale.startsWith("ko")) {
            screenshot(page, "classroom-join-ko.png");
        }
        return page;
    }

    private static String sessionId(Page page) {
        Object id = page.evaluate("() => window.Labdeck.currentSession().id");
        assertThat(id).isInstanceOf(String.class);
        return (String) id;
    }

    private static void awaitTerminal(Page page, String pattern) {
        page.waitForFunction(TERMINAL_HAS, pattern, new Page.WaitForFunctionOptions().setTimeout(Chromium.WAIT_MS));
    }

    private static void screenshot(Page page, String name) throws Exception {
        Path shot = Paths.get("target", name);
        Files.createDirectories(shot.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(shot));
        assertThat(Files.size(shot)).isPositive();
    }
}
