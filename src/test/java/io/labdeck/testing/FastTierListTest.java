package io.labdeck.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fast tier (mvn test -Pfast) runs the classes listed in src/test/fast-tier.txt, tagged fast: a class tagged but
 * not listed would silently leave the tier, one listed but not tagged would not run in it.
 */
@Tag("fast")
class FastTierListTest {

    private static final Path SOURCES = Path.of("src/test/java");

    @Test
    void theListNamesExactlyTheClassesTaggedFast() throws IOException {
        List<String> listed = Files.readAllLines(Path.of("src/test/fast-tier.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).sorted().toList();
        List<String> tagged;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            tagged = files.filter(f -> f.toString().endsWith("Test.java")).filter(FastTierListTest::taggedFast)
                    .map(f -> SOURCES.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(tagged).as("test classes tagged @Tag(\"fast\")").isNotEmpty();
        assertThat(listed).as("src/test/fast-tier.txt").isEqualTo(tagged);
    }

    private static boolean taggedFast(Path file) {
        try {
            return Files.readString(file).contains("@Tag(\"fast\")");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
