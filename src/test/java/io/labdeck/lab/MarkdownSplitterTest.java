package io.labdeck.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("fast")
class MarkdownSplitterTest {

    private final MarkdownSplitter splitter = new MarkdownSplitter();

    @Test
    void idsComeFromBraceAnchorsNameAnchorsOrSlugsAndRepeatsAreNumbered() {
        ParsedDocument doc = splitter.split("""
                Intro text.

                ## First step {#first}
                one
                ## <a name="second"></a>Second *step*
                two
                ## Hello, World!
                ## Hello World
                ## 안녕하세요 세계
                """, "t.md");

        assertThat(doc.intro().html()).isEqualTo("<p>Intro text.</p>");
        assertThat(doc.steps()).extracting(ParsedDocument.ParsedStep::id)
                .containsExactly("first", "second", "hello-world", "hello-world-1", "안녕하세요-세계");
        assertThat(doc.steps()).extracting(ParsedDocument.ParsedStep::title)
                .containsExactly("First step", "Second step", "Hello, World!", "Hello World", "안녕하세요 세계");
        assertThat(doc.steps().get(0).line()).isEqualTo(3);
    }

    @Test
    void frontMatterTitleIsReadAndItsLinesAreNotRendered() {
        ParsedDocument doc = splitter.split("---\ntitle: \"題名\"\nkeywords: a, b\n---\nBody\n", "t.md");
        assertThat(doc.title()).contains("題名");
        assertThat(doc.intro().html()).isEqualTo("<p>Body</p>");
    }

    @Test
    void brokenFrontMatterNamesTheFile() {
        assertThatThrownBy(() -> splitter.split("---\ntitle: [unclosed\n---\nBody\n", "content/ja/x.md"))
                .isInstanceOf(LabLoadException.class)
                .hasMessageContaining("content/ja/x.md").hasMessageContaining("front matter");
    }

    @Test
    void liquidTagsCommentsAndAttributeListsAreHiddenButCodeKeepsBraces() {
        ParsedDocument doc = splitter.split("""
                {% include nav.html
                   selected="2" %}
                ## Step
                <!-- a comment -->
                Text [link](https://example.com){: target="_blank" } more <!-- inline --> end.
                {: .note}

                ```python
                d = {: 1}
                ```
                """, "t.md");

        String html = doc.steps().getFirst().body().html();
        assertThat(doc.steps().getFirst().line()).as("line numbers survive the cleaning").isEqualTo(3);
        assertThat(html).doesNotContain("{%", "include", "comment", "inline", "target", ".note", "{: .")
                .contains("<a href=\"https://example.com\"", "d = {: 1}");
    }

    @Test
    void rawHtmlCannotInjectScript() {
        ParsedDocument doc = splitter.split("""
                ## Step
                <script>alert(1)</script>
                <img src="x" onerror="alert(2)">
                <a href="javascript:alert(3)">click</a>
                <iframe src="https://evil.example"></iframe>
                <div style="position:fixed" onclick="alert(5)">box</div>
                <table><tr><td><kbd>Ctrl</kbd></td></tr></table>

                A [markdown link](javascript:alert(4)) and <svg onload="alert(6)"></svg>.
                """, "t.md");

        String html = doc.steps().getFirst().body().html();
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("onerror", "javascript:", "iframe",
                "onclick", "onload", "style=", "<svg").contains("<kbd>Ctrl</kbd>", "<td>", "box", "markdown link");
    }

    @Test
    void runnableBlocksCarryTheirCommandAndOthersAreShown() {
        ParsedDocument doc = splitter.split("""
                ## Step
                ```console
                $ echo "<b>" && docker ps --format '{{.Names}}'
                <b>
                ```

                ```output
                done
                ```
                """, "t.md");

        Section body = doc.steps().getFirst().body();
        assertThat(body.commands()).containsExactly("echo \"<b>\" && docker ps --format '{{.Names}}'");
        assertThat(body.html()).contains("data-kind=\"run\" data-lang=\"console\" data-command=\"echo "
                + "&quot;&lt;b&gt;&quot; &amp;&amp; docker ps --format '{{.Names}}'\"")
                .contains("data-kind=\"show\" data-lang=\"output\"");
    }

    @Test
    void placeholdersAreFilledInTextCodeAndCommands() {
        Section body = splitter.split("""
                ## Step
                Push to `{{registry}}/{{session}}/app` on {{ registry }}.
                ```sh
                docker push {{registry}}/{{session}}/app
                ```
                """, "t.md").steps().getFirst().body().resolve(new Placeholders("10.0.0.1:5000", "s1a2"));

        assertThat(body.commands()).containsExactly("docker push 10.0.0.1:5000/s1a2/app");
        assertThat(body.html()).contains("<code>10.0.0.1:5000/s1a2/app</code> on 10.0.0.1:5000.")
                .contains("data-command=\"docker push 10.0.0.1:5000/s1a2/app\"").doesNotContain("{{");
    }

    @Test
    void softBreaksBetweenJapaneseCharactersAddNoSpace() {
        String html = splitter.split("日本語の\n文章です。\nKorean 문장\n이어집니다\n", "t.md").intro().html();
        assertThat(html).isEqualTo("<p>日本語の文章です。\nKorean 문장\n이어집니다</p>");
    }
}
