package io.labdeck.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.Size;

/** The splitter's rules over generated documents: what authors write is never lost, nor anything thrown but a problem. */
@Tag("fast")
class MarkdownSplitterPropertyTest {

    private final MarkdownSplitter splitter = new MarkdownSplitter();

    @Property(tries = 300)
    void everyLevelTwoHeadingIsOneStepWithAUniqueIdAndItsOwnLine(
            @ForAll @Size(min = 1, max = 12) List<@From("titles") String> titles) {
        StringBuilder md = new StringBuilder("導入。\n\n");
        List<Integer> lines = new ArrayList<>();
        for (String title : titles) {
            md.append("\n");
            lines.add((int) md.chars().filter(c -> c == '\n').count() + 1);
            md.append("## ").append(title).append("\n\n本文 ").append(title).append("\n");
        }
        ParsedDocument doc = splitter.split(md.toString(), "t.md");

        assertThat(doc.steps()).hasSameSizeAs(titles);
        assertThat(doc.steps()).extracting(ParsedDocument.ParsedStep::title)
                .containsExactlyElementsOf(titles.stream().map(String::strip).toList());
        assertThat(doc.steps()).extracting(ParsedDocument.ParsedStep::line).containsExactlyElementsOf(lines);
        List<String> ids = doc.steps().stream().map(ParsedDocument.ParsedStep::id).toList();
        assertThat(ids).allSatisfy(id -> assertThat(id).isNotBlank().doesNotContain(" "));
        assertThat(new HashSet<>(ids)).as("ids are unique, repeats numbered").hasSameSizeAs(ids);
    }

    @Property(tries = 300)
    void aPromptedCommandIsRunExactlyAndItsOutputIsNot(@ForAll("commands") String command,
            @ForAll("commands") String output) {
        String md = "## 実行\n\n```console\n$ " + command + "\n" + output + "\n```\n";
        ParsedDocument doc = splitter.split(md, "t.md");
        assertThat(doc.steps().getFirst().body().commands()).containsExactly(command.strip());
    }

    @Property(tries = 1000)
    void anyTextSplitsOrFailsWithAProblemNamingTheFileAndNeverRendersAScript(@ForAll("documents") String markdown) {
        ParsedDocument doc;
        try {
            doc = splitter.split(markdown, "content/ja/x.md");
        } catch (LabLoadException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("content/ja/x.md"));
            assertThat(e.problems()).filteredOn(p -> !p.message().startsWith("front matter"))
                    .as("an action's problem names its line").allSatisfy(p -> assertThat(p.line()).isPresent());
            return;
        }
        List<String> html = new ArrayList<>(List.of(doc.intro().html()));
        doc.steps().forEach(s -> html.add(s.body().html()));
        // Text is escaped (&lt;img onerror=...&gt; is harmless, in text or in a quoted attribute value); what must not
        // be there is a real tag doing it. Quoted values are emptied first, so only tags and attribute names remain.
        for (String h : html) {
            String lower = h.toLowerCase();
            String tags = lower.replaceAll("=\"[^\"]*\"", "=\"\"");
            assertThat(tags).as(h).doesNotContainPattern("<script").doesNotContainPattern("<[a-z][^>]*\\son[a-z]+\\s*=");
            assertThat(lower).as(h).doesNotContainPattern("(href|src)\\s*=\\s*[\"']?\\s*javascript:");
            assertThat(lower).as(h).doesNotContainPattern("(href|src)\\s*=\\s*[\"']?\\s*labdeck:")
                    .doesNotContainPattern("data-path=\"(/|[^\"]*\\.\\./)");
        }
    }

    @Provide
    Arbitrary<String> titles() {
        return Arbitraries.strings().withChars("abcXYZ019 手順の確認단계확인").ofMinLength(1).ofMaxLength(20)
                .filter(t -> !t.isBlank());
    }

    @Provide
    Arbitrary<String> commands() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_./=:").ofMinLength(1)
                .ofMaxLength(30).map(s -> "docker " + s);
    }

    /** Fragments authors and seeds use, and the hostile ones, put together at random. */
    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("---\n", "title: t\n", "## 手順\n", "# 題\n", "```sh\n", "```\n", "$ ls\n", "{% raw %}",
                        "{% endraw %}", "{: .note}\n", "<!-- c -->\n", "<!--", "<script>alert(1)</script>",
                        "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))", "<a name=\"n\"></a>", "{#id}",
                        "\n", "\r\n", "\t", "| a | b |\n|---|---|\n", "> 引用\n", "- 項目\n", "<div>", "</div>"),
                Arbitraries.of("```sh interrupt\n", "```sh edit\n", "```bash edit interrupt\n", "```text edit\n",
                        "```sh oops\n", "«", "»", "«name»", "[f](labdeck:open-file?path=a/b)", "[f](labdeck:open-file?path=../x)",
                        "[p](labdeck:open-port?port=5001)", "[p](labdeck:open-port?port=0)", "[x](labdeck:nope)",
                        "(labdeck:open-port?port=", "{{port:5001}}", "{{port:99999}}", "{{port:", "`{{port:1}}`",
                        "<a data-action=\"open-file\" data-path=\"/etc\" onclick=\"x()\">", "[r]: labdeck:open-port?port=7\n"),
                Arbitraries.strings().ofMaxLength(12));
        return piece.list().ofMaxSize(40).map(list -> String.join("", list));
    }
}
