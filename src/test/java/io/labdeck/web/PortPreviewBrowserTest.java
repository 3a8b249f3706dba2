package io.labdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The whole of a Docker lab's journey in Chromium on a laptop's screen, in the bundled dockerfile-build lab: the
 * learner opens the Dockerfile from the step's link, writes it in the editor and saves it; runs {@code docker build}
 * and {@code docker run -p} from the steps' Run buttons (in the rootless engine of their own sandbox); the port's
 * link appears and turns to "answering", and clicking it shows the app's page in a preview tab. Screenshots go to
 * target/preview-*.png.
 */
@QuarkusTest
class PortPreviewBrowserTest {

    /** A docker build in the sandbox's own engine, the first FROM served by the registry door. */
    private static final int BUILD_MS = 180_000;

    private static final String DOCKERFILE = """
            FROM python:3.8-alpine
            WORKDIR /app
            COPY requirements.txt .
            RUN pip install -r requirements.txt
            COPY app.py .
            EXPOSE 5000
            CMD ["python", "app.py"]
            """;

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
    void aDockerfileWrittenInTheEditorIsBuiltFromTheStepsButtonAndItsPortOpensTheApp() {
        context = chromium.laptopContext("ja-JP");
        page = context.newPage();
        page.navigate("http://localhost:" + port + "/labs/dockerfile-build?lang=ja");
        page.click("#start-lab");
        Chromium.awaitPrompt(page, 60_000);

        // The step's link opens the Dockerfile (new: the learner writes it) in the editor tab.
        page.click("#step-write-dockerfile a[data-action=open-file][data-path='app/Dockerfile']");
        page.waitForSelector("#panel-editor[data-open='app/Dockerfile'] .cm-content", visible());
        assertThat(page.getAttribute("#tab-editor", "aria-selected")).isEqualTo("true");
        page.click(".cm-content");
        page.keyboard().insertText(DOCKERFILE);
        page.keyboard().press("Control+S");
        page.waitForSelector("#panel-editor[data-saved='app/Dockerfile']", visible());
        shot("editor");

        page.click("#tab-terminal");
        page.locator("#step-build .code-btn-run").first().click();
        Chromium.awaitLine(page, line -> line.contains("Successfully tagged hello-flask:latest"),
                "the end of docker build", BUILD_MS);
        shot("built");

        page.locator("#step-run-and-logs .code-btn-run").first().click();
        page.waitForSelector("#port-link-8000[data-state=answering]", visible());
        shot("port-link");
        assertThat(page.locator("#port-bar .port-link").evaluateAll("links => links.map(l => l.dataset.port)"))
                .as("the app's port and the one the lab's text names; none of the engine's own")
                .isEqualTo(java.util.List.of("8000", "8001"));
        page.click("#port-link-8000");
        page.waitForSelector("#tab-port-8000[aria-selected=true]", visible());
        FrameLocator app = page.frameLocator("#preview-frame-8000");
        app.locator("body:has-text('Hello from')").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setTimeout(Chromium.WAIT_MS));
        assertThat(app.locator("body").innerText()).startsWith("Hello from ");
        shot("app");

        // The lab text's own link to the port leads to the same preview.
        String session = (String) page.evaluate("() => window.Labdeck.currentSession().id");
        assertThat(page.getAttribute("#step-run-and-logs a[data-action=open-port][data-port='8000']", "href"))
                .isEqualTo("/sessions/" + session + "/ports/8000/");

        // The app goes: the link the lab promises stays, saying nothing listens.
        page.click("#tab-terminal");
        Chromium.typeInTerminal(page, "docker rm -f web");
        page.waitForSelector("#port-link-8000[data-state=not-listening]", visible());
        shot("stopped");
    }

    private static Page.WaitForSelectorOptions visible() {
        return new Page.WaitForSelectorOptions().setTimeout(Chromium.WAIT_MS);
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "preview-" + name + ".png")));
    }
}
