package io.labdeck.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged server refuses to start on a broken lab, and says why in a few plain lines. */
class LabStartupIT {

    @TempDir
    Path root;

    @Test
    void aBrokenLabStopsStartupWithTheFileLineAndCauseAndNoStackTrace() throws Exception {
        Path bad = Files.createDirectories(root.resolve("labs/broken"));
        Files.writeString(bad.resolve("lab.yaml"), "title: {ja: \"壊れたラボ\"}\nsteps:\n  - id: look\n    chek: \"true\"\n");
        Files.createDirectories(root.resolve("content/ja"));
        Files.writeString(root.resolve("content/ja/broken.md"), "## 見る {#look}\n");

        Result result = start(root.resolve("labs"));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output())
                .contains(root.resolve("labs/broken/lab.yaml") + ":4: unknown key 'chek'")
                .contains("Labdeck did not start")
                .doesNotContain("\tat ", "Exception", "Caused by");
    }

    private static Result start(Path extraLabs) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Dquarkus.http.port=0", "-Dlabdeck.registry-proxy.enabled=false", "-jar",
                System.getProperty("labdeck.jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true);
        builder.environment().put("LABDECK_LABS", extraLabs.toString());
        Process process = builder.start();
        try {
            boolean ended = process.waitFor(90, TimeUnit.SECONDS);
            assertThat(ended).as("the server should stop by itself").isTrue();
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private record Result(int exitCode, String output) {
    }
}
