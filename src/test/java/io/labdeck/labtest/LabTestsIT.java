package io.labdeck.labtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * {@code test-labs} on the packaged jar, as {@code ./labdeck test-labs} runs it: the bundled labs pass, and each way
 * a lab can be broken is reported with its lab, language, step and phase, and a non-zero exit.
 */
class LabTestsIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path BROKEN_LABS = PROJECT.resolve("src/test/resources/broken-labs/labs");
    private static final List<String> LANGS = List.of("ja", "ko");

    @TempDir
    Path tmp;

    @Test
    void everyBundledLabPassesInEachOfItsLanguages() throws Exception {
        Result result = testLabs(null);

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.rows()).as(result.describe()).isNotEmpty().allSatisfy(row -> assertThat(row.result())
                .as("%s", row).isEqualTo("PASS"));
        for (Path lab : bundledLabs()) {
            JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(lab.resolve("lab.yaml").toFile());
            String id = lab.getFileName().toString();
            List<String> checked = new ArrayList<>();
            yaml.path("steps").forEach(s -> {
                if (!s.path("check").asText("").isBlank()) {
                    checked.add(s.path("id").asText());
                }
            });
            yaml.path("title").fieldNames().forEachRemaining(lang -> {
                assertThat(result.rows()).as("%s %s was tested\n%s", id, lang, result.describe())
                        .anyMatch(r -> r.is(id, lang, "sandbox", "start"))
                        .anyMatch(r -> r.is(id, lang, "content", "shell-syntax"))
                        .anyMatch(r -> r.is(id, lang, "content", "placeholders"));
                checked.forEach(step -> assertThat(result.rows()).as("%s %s %s\n%s", id, lang, step, result.describe())
                        .anyMatch(r -> r.is(id, lang, step, "fails-before-solve"))
                        .anyMatch(r -> r.is(id, lang, step, "passes-after-solve")));
            });
        }
        assertThat(result.stdout()).contains(" passed, 0 failed");
    }

    @Test
    void brokenLabsFailAndNameTheLabLanguageStepAndPhase() throws Exception {
        Result result = testLabs(BROKEN_LABS, "passes-early", "solve-fails", "bad-content", "gated-setup");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        for (String lang : LANGS) {
            assertFailed(result, "passes-early", lang, "already-done", "fails-before-solve", "passed before the solve");
            assertFailed(result, "solve-fails", lang, "make-file", "solve", "the solve gives up");
            assertFailed(result, "solve-fails", lang, "no-solve", "solve", "no solve");
            assertFailed(result, "bad-content", lang, "push-image", "placeholders", "{{typo}}");
            assertFailed(result, "bad-content", lang, "branch", "shell-syntax", "syntax error");
            // The lab's setup, the step's setup and the solve work together; only the text is broken.
            assertThat(result.rows()).as(result.describe())
                    .anyMatch(r -> r.is("bad-content", lang, "copy-seed", "passes-after-solve") && r.passed());
            // In a gated lab a step's setup runs when the step opens: after the step before it has passed.
            List<Row> rows = result.rows();
            int firstPassed = indexOf(rows, "gated-setup", lang, "first", "passes-after-solve");
            int secondSetUp = indexOf(rows, "gated-setup", lang, "second", "setup");
            assertThat(firstPassed).as(result.describe()).isNotNegative().isLessThan(secondSetUp);
            assertThat(rows.stream().filter(r -> r.lab().equals("gated-setup"))).allMatch(Row::passed);
        }
        assertThat(result.rows().stream().filter(r -> !r.passed())).as(result.describe()).hasSize(10)
                .noneMatch(r -> r.message().contains(".Names") || r.message().contains(".Config")
                        || r.message().contains("{{registry}}/") || r.message().contains("{{session}}/"));
        assertThat(result.rows()).noneMatch(r -> r.lab().startsWith("container-"));
        assertThat(result.stdout()).contains(" passed, 10 failed").contains("Failures:");
    }

    @Test
    void anUnknownLabIsAnErrorNamingTheKnownLabs() throws Exception {
        Result result = testLabs(null, "container-basics", "no-such-lab");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
        assertThat(result.stderr()).contains("Unknown lab: no-such-lab").contains("container-basics", "container-env");
        assertThat(result.rows()).isEmpty();
    }

    private static void assertFailed(Result result, String lab, String lang, String step, String phase,
            String message) {
        assertThat(result.rows()).as("%s %s %s %s fails\n%s", lab, lang, step, phase, result.describe())
                .anyMatch(r -> r.is(lab, lang, step, phase) && !r.passed() && r.message().contains(message));
    }

    private static int indexOf(List<Row> rows, String lab, String lang, String step, String phase) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).is(lab, lang, step, phase)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Path> bundledLabs() throws IOException {
        try (Stream<Path> labs = Files.list(PROJECT.resolve("labs"))) {
            return labs.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** Runs the jar as the script does; the owner differs so a developer's own test-labs run is not reaped. */
    private Result testLabs(Path extraLabs, String... labIds) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Dquarkus.http.port=0",
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:mem:labtests;DB_CLOSE_DELAY=-1",
                "-Dlabdeck.sandbox.owner=labdeck-labtests-it", "-Dquarkus.scheduler.enabled=false",
                "-Dlabdeck.registry.address=registry.labdeck:5096",
                "-Dquarkus.log.level=WARN", "-Dquarkus.log.category.\"io.labdeck\".level=WARN",
                "-Dquarkus.log.console.stderr=true", "-jar",
                System.getProperty("labdeck.jar", "target/quarkus-app/quarkus-run.jar"), "test-labs"));
        command.addAll(Arrays.asList(labIds));
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("LABDECK_LABS");
        if (extraLabs != null) {
            builder.environment().put("LABDECK_LABS", extraLabs.toString());
        }
        Process process = builder.start();
        try {
            // Generous: the bundled labs grow, and a lab with Docker inside starts in tens of seconds, not one.
            assertThat(process.waitFor(30, TimeUnit.MINUTES)).as("test-labs should finish").isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {

        /** The table's rows, before the summary (whose failures repeat them). */
        List<Row> rows() {
            List<Row> rows = new ArrayList<>();
            for (String line : stdout.lines().skip(1).toList()) {
                if (line.isBlank()) {
                    break;
                }
                String[] cells = line.split("\\s+", 6);
                rows.add(new Row(cells[0], cells[1], cells[2], cells[3], cells[4], cells.length > 5 ? cells[5] : ""));
            }
            return rows;
        }

        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private record Row(String lab, String lang, String step, String phase, String result, String message) {

        boolean is(String lab, String lang, String step, String phase) {
            return this.lab.equals(lab) && this.lang.equals(lang) && this.step.equals(step)
                    && this.phase.equals(phase);
        }

        boolean passed() {
            return result.equals("PASS");
        }
    }
}
