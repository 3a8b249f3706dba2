package io.labdeck.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** Broken lab folders fail with the file, the line where known, and what is wrong. */
@Tag("fast")
class LabLoaderTest {

    private static final String JA = "はじめに。\n\n## 見る {#look}\n```sh\n$ ls\nout\n```\n## 書く {#write}\n";
    private static final String KO = "소개.\n\n## 보기 {#look}\n```sh\n$ ls\nout\n```\n## 쓰기 {#write}\n";
    private static final String YAML = """
            title: {ja: "ラボ", ko: "랩"}
            sandbox: {image: labdeck/sandbox-tiny, memory: 256m, cpus: 0.5, pids: 64, duration: 45m}
            steps:
              - id: look
                check: test -f /tmp/x
                timeout: 5s
                hint: {ja: "ヒント", ko: "힌트"}
                solve: touch /tmp/x
              - id: write
                check: "true"
                needs: [look]
            """;

    @TempDir
    Path root;

    private final LabLoader loader = new LabLoader();

    private Path lab(String id, String yaml, String ja, String ko) throws IOException {
        Path folder = Files.createDirectories(root.resolve("labs").resolve(id));
        Files.writeString(folder.resolve("lab.yaml"), yaml);
        if (ja != null) {
            Files.writeString(Files.createDirectories(root.resolve("content/ja")).resolve(id + ".md"), ja);
        }
        if (ko != null) {
            Files.writeString(Files.createDirectories(root.resolve("content/ko")).resolve(id + ".md"), ko);
        }
        return folder;
    }

    @Test
    void aGoodLabJoinsYamlAndBothLanguages() throws IOException {
        Lab lab = loader.load(lab("good", YAML, JA, KO));

        assertThat(lab.id()).isEqualTo("good");
        assertThat(lab.languages()).containsExactly("ja", "ko");
        assertThat(lab.titles()).containsEntry("ja", "ラボ").containsEntry("ko", "랩");
        assertThat(lab.sandbox().memoryBytes()).contains(256L << 20);
        assertThat(lab.sandbox().cpus()).contains(0.5);
        assertThat(lab.sandbox().duration()).contains(Duration.ofMinutes(45));
        LabDocument ko = lab.document("ko").orElseThrow();
        assertThat(ko.steps()).extracting(Step::id).containsExactly("look", "write");
        assertThat(ko.steps().getFirst().body().commands()).containsExactly("ls");
        CheckSpec look = ko.steps().getFirst().check().orElseThrow();
        assertThat(look.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(look.hint("ko")).contains("힌트");
        assertThat(look.solve()).contains("touch /tmp/x");
        assertThat(ko.steps().get(1).check().orElseThrow().timeout()).isEqualTo(CheckSpec.DEFAULT_TIMEOUT);
        assertThat(ko.steps().get(1).check().orElseThrow().needs()).containsExactly("look");
    }

    @Test
    void badYamlNamesFileAndLine() throws IOException {
        lab("bad", "title: {ja: \"x\"}\nsteps:\n  - id: a\n    check: [unclosed\n", JA, null);

        assertThatThrownBy(() -> loader.loadAll(List.of(root.resolve("labs"))))
                .isInstanceOf(LabLoadException.class)
                .hasMessageMatching("(?s).*labs/bad/lab\\.yaml:\\d+: .*");
    }

    @Test
    void anUnknownKeyIsReportedWithItsLineAndTheKnownKeys() throws IOException {
        lab("typo", "title: {ja: \"x\"}\nsteps:\n  - id: look\n    chek: \"true\"\n", JA, null);

        assertThatThrownBy(() -> loader.loadAll(List.of(root.resolve("labs"))))
                .hasMessageContaining("labs/typo/lab.yaml:4: unknown key 'chek' (at steps[0].chek)")
                .hasMessageContaining("check");
    }

    @Test
    void aBadDurationOrSizeSaysWhatToWrite() throws IOException {
        lab("dur", "title: {ja: \"x\"}\nsteps:\n  - id: look\n    timeout: soon\n", JA, null);
        lab("size", "title: {ja: \"x\"}\nsandbox: {memory: lots}\n", JA, null);

        assertThatThrownBy(() -> loader.loadAll(List.of(root.resolve("labs"))))
                .hasMessageContaining("labs/dur/lab.yaml:4: 'soon' is not a duration; write e.g. 15s")
                .hasMessageContaining("labs/size/lab.yaml:2: 'lots' is not a size");
    }

    @Test
    void sandboxPortsAllowRangesAndNameTheExpectedPorts() throws IOException {
        Lab lab = loader.load(lab("ports", "title: {ja: \"x\"}\nsandbox: {ports: [5001, \"8000-8100\", 2375]}\n", JA, null));

        PortPolicy ports = lab.sandbox().ports();
        assertThat(ports.allows(5001)).isTrue();
        assertThat(ports.allows(8050)).isTrue();
        assertThat(ports.allows(5002)).isFalse();
        assertThat(ports.allows(2375)).as("the Docker API stays closed even when a lab lists it").isFalse();
        assertThat(ports.refusal(5002)).contains("5001, 8000-8100");
        assertThat(ports.expected()).containsExactly(2375, 5001);
        assertThat(loader.load(lab("noports", "title: {ja: \"x\"}\n", JA, null)).sandbox().ports().allows(3000))
                .isTrue();
    }

    @Test
    void aBadPortSaysWhatToWrite() throws IOException {
        lab("badport", "title: {ja: \"x\"}\nsandbox:\n  ports: [5001, 70000]\n", JA, null);

        assertThatThrownBy(() -> loader.load(root.resolve("labs/badport")))
                .isInstanceOf(LabLoadException.class)
                .hasMessageContaining("lab.yaml:3")
                .hasMessageContaining("'70000' is not a port");
    }

    @Test
    void aMissingMarkdownFileNamesTheLanguageAndThePath() throws IOException {
        lab("nomd", YAML, JA, null);

        assertThatThrownBy(() -> loader.loadAll(List.of(root.resolve("labs"))))
                .hasMessageContaining("labs/nomd/lab.yaml: the ko text ")
                .hasMessageContaining("content/ko/nomd.md is missing");
    }

    @Test
    void aStepIdWithoutAHeadingInOneLanguageNamesThatLanguage() throws IOException {
        lab("unmatched", YAML, JA, KO.replace("{#write}", "{#wirte}"));

        assertThatThrownBy(() -> loader.loadAll(List.of(root.resolve("labs"))))
                .hasMessageContaining("labs/unmatched/lab.yaml:9: step 'write' has no heading in ko (")
                .hasMessageContaining("content/ko/unmatched.md")
                .hasMessageContaining("[look, wirte]")
                .hasMessageNotContaining("in ja");
    }

    @Test
    void needsMustNameAnotherStep() throws IOException {
        lab("needs", YAML.replace("needs: [look]", "needs: [nowhere]"), JA, KO);

        assertThatThrownBy(() -> loader.loadAll(List.of(root.resolve("labs"))))
                .hasMessageContaining("step 'write' needs 'nowhere'");
    }

    @Test
    void contentPathsAreRelativeToLabYamlAndMayLeaveTheProject() throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("tutorials"));
        Files.writeString(elsewhere.resolve("mine.md"), "---\ntitle: 前付けの題名\n---\n## 見る {#look}\n");
        Lab lab = loader.load(lab("external", """
                title: {ja: ""}
                content: {ja: ../../tutorials/mine.md}
                steps: [{id: look, check: "true"}]
                """, null, null));

        assertThat(lab.titles()).containsEntry("ja", "前付けの題名");
        assertThat(lab.document("ja").orElseThrow().steps()).extracting(Step::id).containsExactly("look");
    }

    @Test
    void everyProblemIsReportedAtOnceAndALabFolderWithoutLabYamlIsOne() throws IOException {
        lab("one", "title: {ja: x}\nsteps:\n  - id: look\n    chek: x\n", JA, null);
        lab("two", YAML, JA, null);
        Files.createDirectories(root.resolve("labs/empty"));

        assertThatThrownBy(() -> loader.loadAll(List.of(root.resolve("labs"), root.resolve("missing"))))
                .hasMessageContaining("labs/one/lab.yaml:4")
                .hasMessageContaining("labs/two/lab.yaml")
                .hasMessageContaining("labs/empty: this lab folder has no lab.yaml")
                .hasMessageContaining("missing: the labs folder does not exist");
    }

    @Test
    void aLabIdUsedTwiceAcrossFoldersIsAnError() throws IOException {
        lab("twice", YAML, JA, KO);
        Path other = Files.createDirectories(root.resolve("more/labs/twice"));
        Files.writeString(other.resolve("lab.yaml"), YAML);
        Files.createDirectories(root.resolve("more/content/ja"));
        Files.createDirectories(root.resolve("more/content/ko"));
        Files.writeString(root.resolve("more/content/ja/twice.md"), JA);
        Files.writeString(root.resolve("more/content/ko/twice.md"), KO);

        assertThatThrownBy(() -> loader.loadAll(List.of(root.resolve("labs"), root.resolve("more/labs"))))
                .hasMessageContaining("lab id 'twice' is also used by");
    }

    @Test
    void hintsInALanguageTheLabLacksAreReported() throws IOException {
        lab("hints", YAML.replace("ko: \"힌트\"", "en: \"hint\""), JA, KO);

        assertThatThrownBy(() -> loader.loadAll(List.of(root.resolve("labs"))))
                .hasMessageContaining("steps[look].hint has language 'en', which has no title");
    }
}
