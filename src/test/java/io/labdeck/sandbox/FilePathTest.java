package io.labdeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The path rules checked before anything reaches a sandbox (docs/security.md, "Files"). */
@Tag("fast")
class FilePathTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"app/main.py|app/main.py", "./app//main.py|app/main.py", "a/./b/|a/b",
        "Dockerfile|Dockerfile", "メモ/ノート.txt|メモ/ノート.txt", "'a b/c d'|a b/c d", "...|...", "a..b|a..b",
        "''|''", ".|''"})
    void normalisesWhatStaysInside(String raw, String normalised) {
        assertThat(FilePath.of(raw).value()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"../x|'..' would leave the working directory",
        "a/../../x|'..' would leave the working directory", "a\\..\\..\\x|'..' would leave the working directory",
        "/etc/passwd|it is absolute", "~/x|it is absolute", "a%nb|control character", "a%tb|control character"})
    void refusesWhatLeavesOrConfuses(String given, String why) {
        String raw = given.replace("%n", "\n").replace("%t", "\t");
        assertThatThrownBy(() -> FilePath.of(raw)).isInstanceOfSatisfying(FileProblemException.class, e -> {
            assertThat(e.kind()).isEqualTo(FileProblemException.Kind.INVALID_PATH);
            assertThat(e.getMessage()).startsWith("The path '").contains(why);
        });
    }

    @Test
    void refusesNulAndOverlongPathsNamingThem() {
        assertThatThrownBy(() -> FilePath.of("a\0b")).hasMessage("The path 'a\\0b' is refused: it contains a NUL"
                + " byte.");
        assertThatThrownBy(() -> FilePath.of("x".repeat(FilePath.MAX_LENGTH + 1))).hasMessageContaining("longer than");
        assertThatThrownBy(() -> FilePath.of("a/" + "y".repeat(256))).hasMessageContaining("a name in it is longer");
        assertThat(FilePath.of(null).root()).isTrue();
        assertThat(FilePath.of("app/x.py").name()).isEqualTo("x.py");
    }
}
