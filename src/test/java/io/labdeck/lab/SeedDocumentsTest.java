package io.labdeck.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The four seed tutorials in ../shared/seeds, split and classified as they are. Expected ids, titles and commands
 * were read off the source files by hand.
 */
@Tag("fast")
class SeedDocumentsTest {

    private static final Path SEEDS = Path.of("../shared/seeds");
    private final MarkdownSplitter splitter = new MarkdownSplitter();

    private ParsedDocument seed(String name) throws IOException {
        Path file = SEEDS.resolve(name);
        assertThat(file).as("seed documents are expected in ../shared/seeds").exists();
        return splitter.split(Files.readString(file), file.toString());
    }

    private static List<String> ids(ParsedDocument doc) {
        return doc.steps().stream().map(ParsedDocument.ParsedStep::id).toList();
    }

    private static ParsedDocument.ParsedStep step(ParsedDocument doc, String id) {
        return doc.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static void assertNoMarkupLeaks(ParsedDocument doc) {
        Stream.concat(Stream.of(doc.intro()), doc.steps().stream().map(ParsedDocument.ParsedStep::body))
                .forEach(section -> assertThat(section.html())
                        .doesNotContain("{%", "%}", "<!--", "-->", "{:", "target=\"_blank\"", "<script",
                                "include_relative", "<a name="));
    }

    @Test
    void commitAndDockerfileSeedHasAnchoredStepsAndNoOutputInCommands() throws IOException {
        ParsedDocument doc = seed("ja-custom-images-commit-and-dockerfile.md");

        assertThat(ids(doc)).containsExactly("manual-image-creation", "automated-image-creation",
                "push-the-image-to-a-public-registry");
        assertThat(doc.steps()).extracting(ParsedDocument.ParsedStep::title)
                .containsExactly("手動でのイメージの作成", "イメージ作成の自動化", "パブリック レジストリにイメージをプッシュする");
        assertThat(step(doc, "manual-image-creation").body().commands()).containsExactly(
                "docker run --name python-demo -ti python bash",
                "echo 'print(\"Hello World!\")' > hello.py",
                "python hello.py",
                "exit",
                "docker ps",
                "docker ps -a",
                "docker commit python-demo python-custom",
                "docker images",
                "docker run python-custom python hello.py");
        // The Dockerfile is tagged bash in the source; it is shown, not run.
        assertThat(step(doc, "automated-image-creation").body().commands()).containsExactly(
                "docker build -t python-dockerfile .", "docker images", "docker run python-dockerfile");
        assertThat(step(doc, "automated-image-creation").body().html())
                .contains("data-kind=\"show\" data-lang=\"bash\"><pre><code class=\"language-bash\">FROM python");
        assertThat(doc.steps()).flatExtracting(s -> s.body().commands())
                .noneMatch(c -> c.contains("root@d8ccada9c61e") || c.contains("Successfully built")
                        || c.equals("Hello World!"));
        assertThat(step(doc, "manual-image-creation").body().html())
                .contains("data-kind=\"show\" data-lang=\"output\"");
        assertNoMarkupLeaks(doc);
    }

    @Test
    void getStartedSeedHidesFrontMatterLiquidCommentsAndAttributeLists() throws IOException {
        ParsedDocument doc = seed("ja-get-started-part2-containers.md");

        assertThat(doc.title()).contains("はじめよう 2 部: コンテナー");
        // "## Your new development environment" and its siblings sit inside HTML comments: not steps.
        assertThat(ids(doc)).containsExactly("前提条件", "はじめに", "新しい開発環境", "dockerfile-によるコンテナー定義",
                "アプリそのもの", "アプリの構築", "アプリの実行", "イメージの共有", "conclusion-of-part-two",
                "recap-and-cheat-sheet-optional");
        assertThat(step(doc, "dockerfile-によるコンテナー定義").title()).isEqualTo("Dockerfile によるコンテナー定義");
        // A fenced block inside a list item is still runnable.
        assertThat(step(doc, "前提条件").body().commands()).containsExactly("docker run hello-world");
        // "$ ls" gives ls, not the listing after it; "$ docker image ls" likewise.
        assertThat(step(doc, "アプリの構築").body().commands())
                .containsExactly("ls", "docker build --tag=friendlyhello .", "docker image ls");
        assertThat(step(doc, "アプリの実行").body().commands()).containsExactly(
                "docker run -p 4000:80 friendlyhello", "curl http://localhost:4000",
                "docker run -d -p 4000:80 friendlyhello", "docker container ls", "docker container stop 1fa4ab2cf395");
        assertThat(step(doc, "アプリそのもの").body().commands()).as("dockerfile, python and plain blocks").isEmpty();
        assertThat(step(doc, "アプリそのもの").body().html()).contains("data-lang=\"python\"");
        assertNoMarkupLeaks(doc);
        String all = doc.intro().html() + doc.steps().stream().map(s -> s.body().html()).reduce("", String::concat);
        assertThat(all).doesNotContain("It&#39;s time to begin building", "Your new development environment",
                "keywords:", "asciicast-", "blkah0l4ds33tbe06y4vkme6g.js").contains("hub.docker.com");
    }

    @Test
    void lab2SeedStripsPromptsAndSkipsForeignPromptsAndOutput() throws IOException {
        ParsedDocument doc = seed("ja-lab2-custom-image-build-push.md");

        assertThat(doc.title()).contains("Lab2 - カスタム Docker イメージを使用して付加価値を与える");
        assertThat(ids(doc)).containsExactly("前提条件", "ステップ-1-python-アプリを作成する-docker-は使用しません",
                "ステップ-2-docker-イメージを作成してビルドする", "ステップ-3-docker-イメージを実行する",
                "ステップ-4-中央レジストリーにプッシュする", "ステップ-5-変更をデプロイする", "ステップ-6-イメージの層について理解する",
                "ステップ-7-クリーンアップ", "まとめ");
        assertThat(doc.steps().get(1).title()).isEqualTo("ステップ 1: Python アプリを作成する (Docker は使用しません)");
        List<String> step1 = doc.steps().get(1).body().commands();
        assertThat(step1).hasSize(2);
        assertThat(step1.get(0)).startsWith("echo 'from flask import Flask\n\napp = Flask(__name__)")
                .endsWith("app.run(host=\"0.0.0.0\")' > app.py");
        // Only "$ " lines run; "johns-mbp:test johnzaccone$ pip3 install flask" is someone else's prompt: output.
        assertThat(step1.get(1)).isEqualTo("python3 --version\npip3 --version\npip3 install flask\npython3 app.py");
        assertThat(doc.steps().get(2).body().commands()).containsExactly(
                "echo 'FROM python:3.6.1-alpine\nRUN pip install flask\nCMD [\"python\",\"app.py\"]\n"
                        + "COPY app.py /app.py' > Dockerfile",
                "docker image build -t python-hello-world .", "docker image ls");
        // Comment lines around prompted lines are not run either.
        assertThat(doc.steps().get(3).body().commands()).containsExactly("docker run -p 5001:5000 -d python-hello-world",
                "docker ps -a\ndocker logs <CONTAINER ID>", "docker container logs [container id]");
        // The untagged "$ docker login" block is shown only; the Dockerfile tagged sh is shown only.
        assertThat(doc.steps().get(4).body().commands()).containsExactly(
                "docker tag python-hello-world [dockerhub username]/python-hello-world",
                "docker push [dockerhub username]/python-hello-world");
        assertThat(doc.steps().get(6).body().commands()).containsExactly(
                "docker push [dockerhub username]/python-hello-world", "docker image history python-hello-world");
        assertThat(doc.steps()).flatExtracting(s -> s.body().commands())
                .noneMatch(c -> c.contains("Requirement already") || c.contains("<missing>") || c.startsWith("FROM"));
        assertNoMarkupLeaks(doc);
    }

    @Test
    void pythonAlpineSeedWithoutLevelTwoHeadingsIsAllIntroduction() throws IOException {
        ParsedDocument doc = seed("ja-build-image-python-alpine.md");

        assertThat(doc.title()).contains("Docker イメージを作成して構築する");
        assertThat(doc.steps()).isEmpty();
        assertThat(doc.intro().commands()).containsExactly(
                "echo 'FROM python:3.8-alpine\nRUN pip install flask\nCMD [\"python\",\"app.py\"]\n"
                        + "COPY app.py /app.py' > Dockerfile",
                "docker image build -t python-hello-world.",
                "docker image ls",
                "docker history python-hello-world\ndocker history python:3.8-alpine");
        assertThat(doc.intro().html()).doesNotContain("<h1>").contains("<strong>FROM python:3.8-alpine</strong>");
        assertNoMarkupLeaks(doc);
    }

    /**
     * The seeds render byte for byte as they did before the lab text's actions existed: SHA-256 of each seed's HTML
     * and commands (step by step), taken from main before the actions were added. A change of the markdown's
     * rendering that is meant must update these, and say in its commit why the seeds render differently.
     */
    @Test
    void theSeedsRenderExactlyAsBeforeTheActionsAndNameNoActionNorPort() throws Exception {
        java.util.Map<String, String> before = java.util.Map.of(
                "ja-build-image-python-alpine.md", "f89b36b63b52be5cfb86b3278e8b5b69bb8472ae97b196b5d2d37201a5054b97",
                "ja-custom-images-commit-and-dockerfile.md",
                "01612681e8f5e8ca126a1b32a2b5364e4d28a58b8a0e411a56adad886e1e1fc2",
                "ja-get-started-part2-containers.md", "8f2ead82b16038cdd312fa6d80c97a673a16f69e43e45d620c4cff04b1d9d6e3",
                "ja-lab2-custom-image-build-push.md", "bfde265af38abab53050b20f1d4737dbf814eb37fb3052fe3d158756cd640cf2");
        for (var seed : before.entrySet()) {
            ParsedDocument doc = seed(seed.getKey());
            StringBuilder out = new StringBuilder(doc.intro().html()).append('\0').append(doc.intro().commands());
            doc.steps().forEach(s -> out.append('\0').append(s.id()).append('\0').append(s.body().html()).append('\0')
                    .append(s.body().commands()));
            // The sanitiser writes rel="noopener noreferrer" in either order from one run to the next: one order here.
            String stable = out.toString().replace("rel=\"noreferrer noopener\"", "rel=\"noopener noreferrer\"");
            String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(stable.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(digest).as("%s renders as before", seed.getKey()).isEqualTo(seed.getValue());
            assertThat(out.toString()).as(seed.getKey()).doesNotContain("data-action", "edit-part", "data-port",
                    "data-path");
            assertThat(doc.ports()).as(seed.getKey()).isEmpty();
        }
    }
}
