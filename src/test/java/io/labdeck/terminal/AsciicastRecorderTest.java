package io.labdeck.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@Tag("fast")
class AsciicastRecorderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void multibyteOutputSplitAtEveryByteIsRecordedWhole() throws Exception {
        byte[] text = "日本語と한국어 \u001b[1mbold\u001b[0m\r\n".getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= text.length; split++) {
            Path file = dir.resolve("s" + split + ".cast");
            try (AsciicastRecorder recorder = new AsciicastRecorder(file, 80, 24, 1 << 20)) {
                recorder.output(Arrays.copyOfRange(text, 0, split));
                recorder.output(Arrays.copyOfRange(text, split, text.length));
            }
            List<String> lines = Files.readAllLines(file);
            StringBuilder replayed = new StringBuilder();
            for (String line : lines.subList(1, lines.size())) {
                JsonNode event = JSON.readTree(line);
                assertThat(event.get(1).asText()).isEqualTo("o");
                replayed.append(event.get(2).asText());
            }
            assertThat(replayed.toString()).as("split at %d", split).isEqualTo(new String(text, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theLimitIsInBytesOnDiskForTextOfEveryScript() throws Exception {
        Path file = dir.resolve("hangul.cast");
        try (AsciicastRecorder recorder = new AsciicastRecorder(file, 80, 24, 10_000)) {
            for (int i = 0; i < 1000; i++) {
                recorder.output("한국어와 日本語 🙂\r\n".repeat(20).getBytes(StandardCharsets.UTF_8));
            }
        }
        // Three bytes a character (four for the emoji): counted in chars, the file would grow to about 30 KB.
        assertThat(Files.size(file)).isBetween(10_000L, 12_000L);
    }

    @Test
    void outputPastTheLimitIsNotRecordedAndTheRecordingSaysSo() throws Exception {
        Path file = dir.resolve("flood.cast");
        try (AsciicastRecorder recorder = new AsciicastRecorder(file, 80, 24, 10_000)) {
            for (int i = 0; i < 1000; i++) {
                recorder.output("y\r\n".repeat(100).getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(Files.size(file)).isBetween(10_000L, 12_000L);
        List<String> lines = Files.readAllLines(file);
        assertThat(JSON.readTree(lines.getLast()).get(2).asText()).contains("recording stops here");
        for (String line : lines.subList(1, lines.size())) {
            assertThat(JSON.readTree(line).size()).isEqualTo(3);
        }
    }

    @Test
    void controlCharactersAreEscapedAsJson() throws Exception {
        Path file = dir.resolve("esc.cast");
        String text = "\u001b[1m\"quoted\" back\\slash\ttab\u0007\u2028";
        try (AsciicastRecorder recorder = new AsciicastRecorder(file, 80, 24, 1 << 20)) {
            recorder.output(text.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(JSON.readTree(Files.readAllLines(file).get(1)).get(2).asText()).isEqualTo(text);
    }

    @Test
    void headerResizesAndAContinuedFileKeepItsClock() throws Exception {
        Path file = dir.resolve("s.cast");
        try (AsciicastRecorder recorder = new AsciicastRecorder(file, 100, 30, 1 << 20)) {
            recorder.output("a".getBytes(StandardCharsets.UTF_8));
            recorder.resize(120, 32);
        }
        try (AsciicastRecorder recorder = new AsciicastRecorder(file, 80, 24, 1 << 20)) {
            recorder.output("b".getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines = Files.readAllLines(file);
        JsonNode header = JSON.readTree(lines.get(0));
        assertThat(header.get("version").asInt()).isEqualTo(2);
        assertThat(header.get("width").asInt()).isEqualTo(100);
        assertThat(header.get("height").asInt()).isEqualTo(30);
        assertThat(lines).hasSize(4);
        assertThat(JSON.readTree(lines.get(2)).get(1).asText()).isEqualTo("r");
        assertThat(JSON.readTree(lines.get(2)).get(2).asText()).isEqualTo("120x32");
        double first = JSON.readTree(lines.get(1)).get(0).asDouble();
        double last = JSON.readTree(lines.get(3)).get(0).asDouble();
        assertThat(last).isGreaterThanOrEqualTo(first).isLessThan(60);
    }
}
