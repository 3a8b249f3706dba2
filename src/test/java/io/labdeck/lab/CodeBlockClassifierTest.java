package io.labdeck.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("fast")
class CodeBlockClassifierTest {

    @Test
    void onlyShellTagsAreRunnable() {
        assertThat(CodeBlockClassifier.command("bash", "ls")).contains("ls");
        assertThat(CodeBlockClassifier.command("sh", "ls")).contains("ls");
        assertThat(CodeBlockClassifier.command("shell", "ls")).contains("ls");
        assertThat(CodeBlockClassifier.command("console", "$ ls\nfile")).contains("ls");
        assertThat(CodeBlockClassifier.command("output", "ls")).isEmpty();
        assertThat(CodeBlockClassifier.command("text", "ls")).isEmpty();
        assertThat(CodeBlockClassifier.command("", "ls")).isEmpty();
        assertThat(CodeBlockClassifier.command("python", "print(1)")).isEmpty();
    }

    @Test
    void languageIsTheFirstWordOfTheInfoString() {
        assertThat(CodeBlockClassifier.language("Bash {.line-numbers}")).isEqualTo("bash");
        assertThat(CodeBlockClassifier.language("sh{.x}")).isEqualTo("sh");
        assertThat(CodeBlockClassifier.language("")).isEmpty();
    }

    @Test
    void promptsAreStrippedAndOutputLinesLeftOut() {
        assertThat(CodeBlockClassifier.command("sh", "$ ls\nDockerfile app.py\n$  docker ps\nCONTAINER ID\n"))
                .contains("ls\ndocker ps");
    }

    @Test
    void backslashContinuationsOfAPromptedLineAreKept() {
        assertThat(CodeBlockClassifier.command("sh", "$ docker run \\\n    -p 80:80 nginx\nabc123\n"))
                .contains("docker run \\\n    -p 80:80 nginx");
    }

    @Test
    void blocksWithoutPromptsRunWholeWithoutBlankEdges() {
        assertThat(CodeBlockClassifier.command("bash", "\n\necho 'a\n\nb' > f\n\n")).contains("echo 'a\n\nb' > f");
    }

    @Test
    void aDockerfileTaggedAsShellIsShownNotRun() {
        assertThat(CodeBlockClassifier.command("sh", "FROM python:3.6.1-alpine\nRUN pip install flask")).isEmpty();
        assertThat(CodeBlockClassifier.command("bash", "\nFROM alpine")).isEmpty();
        assertThat(CodeBlockClassifier.command("sh", "echo 'FROM x' > Dockerfile")).isPresent();
    }

    @Test
    void aBlockOfOnlyOutputUnderABarePromptIsNotRunnable() {
        assertThat(CodeBlockClassifier.command("console", "$\nsome output")).isEmpty();
    }
}
