package io.labdeck.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/**
 * The loader over generated labs: a well-formed lab loads with every step, in order; a lab with one line broken
 * at random loads or fails with problems that each name a file of that lab (and never with anything else).
 */
@Tag("fast")
class LabLoaderPropertyTest {

    private final LabLoader loader = new LabLoader();

    @Property(tries = 100)
    void aWellFormedLabLoadsWithEveryStepInOrder(@ForAll("stepIds") List<String> ids) throws IOException {
        Path root = Files.createTempDirectory("labprop");
        try {
            Lab lab = loader.load(write(root, yaml(ids), markdown(ids, "手順"), markdown(ids, "단계")));
            assertThat(lab.checks().keySet()).containsExactlyElementsOf(ids);
            for (String lang : List.of("ja", "ko")) {
                assertThat(lab.documents().get(lang).steps()).extracting(Step::id).containsExactlyElementsOf(ids);
            }
            assertThat(lab.languages()).containsExactly("ja", "ko");
        } finally {
            delete(root);
        }
    }

    @Property(tries = 300)
    void aBrokenLineIsAProblemNamingAFileOfTheLab(@ForAll("stepIds") List<String> ids,
            @ForAll @IntRange(min = 0, max = 200) int where, @ForAll("junk") String junk) throws IOException {
        List<String> lines = new ArrayList<>(yaml(ids).lines().toList());
        lines.set(where % lines.size(), junk);
        Path root = Files.createTempDirectory("labprop");
        try {
            Path folder = write(root, String.join("\n", lines) + "\n", markdown(ids, "手順"), markdown(ids, "단계"));
            try {
                loader.load(folder);
            } catch (LabLoadException e) {
                assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.file()).containsAnyOf("lab.yaml", ".md");
                    assertThat(p.message()).isNotBlank();
                });
            }
        } finally {
            delete(root);
        }
    }

    @Provide
    Arbitrary<List<String>> stepIds() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).map(s -> "s-" + s)
                .set().ofMinSize(1).ofMaxSize(6).map(set -> List.copyOf(new LinkedHashSet<>(set)));
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(Arbitraries.of("", "  - id:", "steps: 3", "title: [", "    timeout: soon",
                "    needs: [nowhere]", "sandbox: {memory: lots}", "  chek: true", "\t", ": :", "- - -", "&a *a",
                "    check:", "title: {ja: x}"), Arbitraries.strings().ofMaxLength(20));
    }

    private static String yaml(List<String> ids) {
        StringBuilder y = new StringBuilder("""
                title: {ja: "ラボ", ko: "랩"}
                sandbox: {image: labdeck/sandbox-tiny, memory: 256m, cpus: 0.5, pids: 64}
                steps:
                """);
        for (String id : ids) {
            y.append("  - id: ").append(id).append("\n    check: test -f /tmp/").append(id)
                    .append("\n    timeout: 5s\n    hint: {ja: \"ヒント\", ko: \"힌트\"}\n");
        }
        return y.toString();
    }

    private static String markdown(List<String> ids, String word) {
        StringBuilder md = new StringBuilder("はじめに。\n");
        ids.forEach(id -> md.append("\n## ").append(word).append(" {#").append(id).append("}\n\n```sh\n$ touch /tmp/")
                .append(id).append("\n```\n"));
        return md.toString();
    }

    private static Path write(Path root, String yaml, String ja, String ko) throws IOException {
        Path folder = Files.createDirectories(root.resolve("labs/prop"));
        Files.writeString(folder.resolve("lab.yaml"), yaml);
        Files.writeString(Files.createDirectories(root.resolve("content/ja")).resolve("prop.md"), ja);
        Files.writeString(Files.createDirectories(root.resolve("content/ko")).resolve("prop.md"), ko);
        return folder;
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
