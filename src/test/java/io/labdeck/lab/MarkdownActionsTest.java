package io.labdeck.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab text's actions: interrupt and copy-and-edit blocks, open-file and open-port links and {@code {{port:N}}},
 * rendered with the attributes the page reads and nothing a browser would follow; bad ones are problems with the
 * file and line.
 */
@Tag("fast")
class MarkdownActionsTest {

    private final MarkdownSplitter splitter = new MarkdownSplitter();

    private Section body(String markdown) {
        return splitter.split("## 手順 {#s}\n\n" + markdown, "content/ja/x.md").steps().getFirst().body();
    }

    private LabLoadException problems(String markdown) {
        try {
            splitter.split(markdown, "content/ja/x.md");
        } catch (LabLoadException e) {
            return e;
        }
        throw new AssertionError("no problem reported for:\n" + markdown);
    }

    @Test
    void anInterruptBlockRunsItsCommandAndSaysSo() {
        Section s = body("```sh interrupt\npython3 app.py\n```\n");
        assertThat(s.commands()).containsExactly("python3 app.py");
        assertThat(s.html()).contains("<div class=\"code-block\" data-kind=\"run\" data-lang=\"sh\""
                + " data-action=\"interrupt\" data-command=\"python3 app.py\"><pre><code class=\"language-sh\">"
                + "python3 app.py</code></pre></div>");
    }

    @Test
    void anEditBlockMarksItsPartsInTheCodeAndKeepsThemInTheCommand() {
        Section s = body("```bash edit\n$ docker tag hello «name»:«tag»\n$ docker push «name»:«tag»\nout «x»\n```\n");
        assertThat(s.commands()).containsExactly("docker tag hello «name»:«tag»\ndocker push «name»:«tag»");
        assertThat(s.html()).contains("data-action=\"edit\"",
                "$ docker tag hello <span class=\"edit-part\" data-part=\"name\">name</span>:"
                        + "<span class=\"edit-part\" data-part=\"tag\">tag</span>")
                .doesNotContain("«name»</span>");
    }

    @Test
    void bothWordsMakeOneBlockThatInterruptsAndIsEdited() {
        Section s = body("```sh interrupt edit {.line-numbers}\ndocker run --name «web» app\n```\n");
        assertThat(s.html()).contains("data-action=\"interrupt edit\"", "data-part=\"web\"");
    }

    @Test
    void attributesOfOtherToolsAndPlainBlocksAreLeftAlone() {
        Section s = body("```bash {.line-numbers} title=\"x\"\nls «keep»\n```\n\n```text\nlook «here»\n```\n");
        assertThat(s.html()).doesNotContain("data-action", "edit-part").contains("ls «keep»", "look «here»");
    }

    @Test
    void aSlipOfAnActionWordIsCaughtAndOtherToolsWordsAreLeftAlone() {
        assertThat(java.util.List.of("interupt", "intrerupt", "Interrupts", "inter", "edti", "eidt", "edt", "edits"))
                .allMatch(CodeBlockInfo::nearAction);
        assertThat(java.util.List.of("showlinenumbers", "script", "session", "dir", "test", "exec", "text", "linenums"))
                .noneMatch(CodeBlockInfo::nearAction);
        Section s = body("```bash showLineNumbers\nls\n```\n\n```shell script\nls «x»\n```\n");
        assertThat(s.html()).doesNotContain("data-action", "edit-part");
        assertThat(s.commands()).containsExactly("ls", "ls «x»");
    }

    @Test
    void anOpenFileLinkIsAnActionWithItsPathAndNoHref() {
        Section s = body("[app.py](labdeck:open-file?path=app/app.py \"エディタで開く\") を開きます。"
                + " [c++](labdeck:open-file?path=./c++%20notes.txt)\n");
        assertThat(s.html()).contains("<a data-action=\"open-file\" data-path=\"app/app.py\" title=\"エディタで開く\"",
                "data-path=\"c&#43;&#43; notes.txt\"").doesNotContain("href", "labdeck:");
        assertThat(s.ports()).isEmpty();
    }

    @Test
    void anOpenPortLinkAndThePortPlaceholderAreOnePortLinkAndTheSectionNamesTheirPorts() {
        Section s = body("[アプリ](labdeck:open-port?port=5001)、{{port:8000}} と {{ port: 5001 }}。"
                + " `{{port:9999}}` は書いたとおり。\n\n[ref][p]\n\n[p]: labdeck:open-port?port=7000\n");
        assertThat(s.html()).contains("<a data-action=\"open-port\" data-port=\"5001\"",
                "アプリ</a>", "data-port=\"8000\"", ">8000</a>", "<code>{{port:9999}}</code>", "data-port=\"7000\"")
                .doesNotContain("href", "labdeck:");
        assertThat(s.ports()).containsExactly(5001, 7000, 8000);
        assertThat(body("[see {{port:5001}}](https://example.com)\n").html()).as("no link inside a link")
                .contains("see {{port:5001}}</a>").doesNotContain("data-port");
    }

    @Test
    void aDocumentAndALabNameThePortsOfAllTheirParts() {
        ParsedDocument doc = splitter.split("{{port:3000}}\n\n## a {#a}\n\n{{port:5001}}\n\n## b {#b}\n\n"
                + "[x](labdeck:open-port?port=5001)\n", "x.md");
        assertThat(doc.ports()).containsEntry(3000, 1).containsEntry(5001, 5).hasSize(2);
        LabDocument ja = new LabDocument("ja", "t", doc.intro(), doc.steps().stream().map(p -> new Step(p.id(),
                p.title(), p.body(), java.util.Optional.empty())).toList(), "x.md");
        LabDocument ko = new LabDocument("ko", "t", new Section("", java.util.List.of(), new java.util.TreeSet<>(
                java.util.Set.of(8000))), java.util.List.of(), "y.md");
        assertThat(ja.namedPorts()).containsExactly(3000, 5001);
        Lab lab = new Lab("l", java.util.Map.of("ja", "t", "ko", "t"), java.util.Map.of(),
                java.util.Map.of("ja", ja, "ko", ko), SandboxSpec.defaults(), false, java.util.Optional.empty(),
                java.util.Map.of(), "lab.yaml");
        assertThat(lab.namedPorts()).containsExactly(3000, 5001, 8000);
    }

    @Test
    void badActionsAreAllReportedWithTheirFileAndLine() {
        LabLoadException e = problems("""
                intro

                ```sh interupt
                ls
                ```

                ```sh edit
                ls nothing-to-change
                ```

                [f](labdeck:open-file?path=../etc/passwd) [g](labdeck:open-file?path=/etc/passwd)

                [p](labdeck:open-port?port=70000) {{port:abc}}

                [x](labdeck:open-fil?path=a) [y](labdeck:open-port?port=1&x=2)

                ```dockerfile edit
                FROM «x»
                ```

                ```sh edit
                echo «unclosed
                ```
                """);
        assertThat(e.problems()).extracting(LabProblem::toString).containsExactly(
                "content/ja/x.md:3: unknown action word 'interupt' after ```sh; the actions are interrupt and edit",
                "content/ja/x.md:7: this edit block has no «part» in what it runs; mark what the learner must"
                        + " change, e.g. docker tag app «name»:v1",
                "content/ja/x.md:11: the path '../etc/passwd' leaves the working directory (..)",
                "content/ja/x.md:11: the path '/etc/passwd' is absolute; give it relative to the working directory,"
                        + " e.g. app/Dockerfile",
                "content/ja/x.md:13: '70000' is not a port; write a number from 1 to 65535",
                "content/ja/x.md:13: 'abc' is not a port; write a number from 1 to 65535 (in {{port:abc}})",
                "content/ja/x.md:15: unknown action 'open-fil' in the link labdeck:open-fil?path=a; the actions are"
                        + " labdeck:open-file?path=FILE and labdeck:open-port?port=N",
                "content/ja/x.md:15: unknown parameter 'x' in the link labdeck:open-port?port=1&x=2; it takes port="
                        + " only",
                "content/ja/x.md:17: 'edit' applies to runnable blocks only (sh, bash, shell, console), not to a"
                        + " dockerfile block",
                "content/ja/x.md:21: this edit block has no «part» in what it runs; mark what the learner must"
                        + " change, e.g. docker tag app «name»:v1",
                "content/ja/x.md:22: « has no closing » on its line");
    }

    @Test
    void theSanitiserKeepsOnlyTheActionsAttributesWithSafeValues() {
        Section s = body("<a data-action=\"open-file\" data-path=\"../x\" data-foo=\"1\" onclick=\"x()\">a</a>"
                + " <a data-action=\"steal\" data-port=\"0\">b</a> <a href=\"labdeck:open-port?port=5001\">c</a>"
                + " <a data-action=\"open-port\" data-port=\"5001\">d</a> <span data-path=\"x\">e</span>\n");
        assertThat(s.html()).doesNotContain("../x", "data-foo", "onclick", "steal", "data-port=\"0\"", "labdeck:",
                "<span data-path").contains("<a data-action=\"open-file\"", "<a data-action=\"open-port\" data-port=\"5001\"");
    }

    @TempDir
    Path root;

    @Test
    void aPortTheLabDoesNotAllowIsAProblemOfTheTextAtItsLine() throws IOException {
        Path folder = Files.createDirectories(root.resolve("labs/p"));
        Files.writeString(folder.resolve("lab.yaml"), "title: {ja: \"x\"}\nsandbox: {ports: [5001]}\n");
        Files.writeString(Files.createDirectories(root.resolve("content/ja")).resolve("p.md"),
                "intro\n\n## a {#a}\n\n{{port:5001}} {{port:2375}}\n\n[x](labdeck:open-port?port=8000)\n");
        assertThatThrownBy(() -> new LabLoader().load(folder)).isInstanceOf(LabLoadException.class)
                .satisfies(t -> assertThat(((LabLoadException) t).problems()).extracting(LabProblem::toString)
                        .hasSize(2).allMatch(p -> p.contains("content/ja/p.md:"))
                        .anyMatch(p -> p.contains(":5: the text names port 2375") && p.contains("Docker engine"))
                        .anyMatch(p -> p.contains(":7: the text names port 8000") && p.contains("(5001)")));
    }
}
