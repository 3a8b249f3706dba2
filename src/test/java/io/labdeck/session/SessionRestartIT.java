package io.labdeck.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.labdeck.testing.TerminalClient;
import org.junit.jupiter.api.io.TempDir;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

/** A restart of the server keeps live sessions and their sandboxes: the packaged jar, stopped and started again. */
class SessionRestartIT {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSessionAndItsProgressSurviveAServerRestart() throws Exception {
        int port = freePort();
        DockerClient docker = docker();
        String id;
        String cookie;
        String container;
        Process first = start(port);
        try {
            HttpResponse<String> started = send(port, "POST", "/api/sessions", null,
                    "{\"labId\":\"container-basics\",\"lang\":\"ko\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            id = field(started.body(), "id");
            cookie = started.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            container = "labdeck-" + id;
            assertThat(docker.inspectContainerCmd(container).exec().getState().getRunning()).isTrue();

            HttpResponse<String> failed = send(port, "POST", "/api/sessions/" + id + "/steps/own-files/check", cookie,
                    null);
            assertThat(failed.body()).contains("\"passed\":false", "notes not found");
            String exec = docker.execCreateCmd(container).withCmd("sh", "-c", "hostname > /root/hostname.txt").exec()
                    .getId();
            docker.execStartCmd(exec).start().awaitCompletion(10, TimeUnit.SECONDS);
            HttpResponse<String> passed = send(port, "POST", "/api/sessions/" + id + "/steps/look-around/check",
                    cookie, null);
            assertThat(passed.body()).as(passed.body()).contains("\"passed\":true");
        } finally {
            stop(first);
        }
        assertThat(docker.inspectContainerCmd(container).exec().getState().getRunning())
                .as("stopping the server leaves the sandbox running").isTrue();

        Process second = start(port);
        try {
            HttpResponse<String> again = send(port, "GET", "/api/sessions/" + id, cookie, null);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(field(again.body(), "status")).isEqualTo("ready");
            assertThat(docker.inspectContainerCmd(container).exec().getState().getRunning()).isTrue();
            assertThat(again.body()).as("progress kept").containsPattern(
                    "\\{\"id\":\"look-around\",\"status\":\"passed\",\"checkedAt\":\"[^\"]+\"")
                    .containsPattern("\\{\"id\":\"own-files\",\"status\":\"failed\"[^}]*notes not found");

            assertThat(send(port, "DELETE", "/api/sessions/" + id, cookie, null).statusCode()).isEqualTo(204);
            HttpResponse<String> earlier = send(port, "GET", "/api/sessions/latest?labId=container-basics&lang=ko",
                    cookie, null);
            assertThat(earlier.statusCode()).isEqualTo(200);
            assertThat(earlier.body()).as("an ended session still shows its progress")
                    .contains("\"status\":\"ended\"", "\"id\":\"look-around\",\"status\":\"passed\"");
            assertThat(docker.listContainersCmd().withShowAll(true).withNameFilter(java.util.List.of(container))
                    .exec()).isEmpty();
        } finally {
            stop(second);
        }
    }

    /**
     * A crash (kill -9, no shutdown hook) loses nothing a learner can see: the next server finds the sandbox, the
     * terminal reattaches to the same shell with its variables, progress is kept, and ending it leaves nothing behind.
     */
    @Test
    void aKilledServerLeavesTheSameShellAndTheProgressToTheNextOne() throws Exception {
        int port = freePort();
        DockerClient docker = docker();
        String id;
        String cookie;
        String shellPid;
        Process first = start(port);
        try {
            HttpResponse<String> started = send(port, "POST", "/api/sessions", null,
                    "{\"labId\":\"container-basics\",\"lang\":\"ja\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            id = field(started.body(), "id");
            cookie = started.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            try (TerminalClient t = TerminalClient.connect(port, id, cookie.substring(cookie.indexOf('=') + 1),
                    false)) {
                t.type("export MARK=before-crash; hostname > /root/hostname.txt; echo pid=$$.\n");
                shellPid = pid(t.awaitText(s -> s.matches("(?s).*pid=\\d+\\..*"), "the shell's pid"));
            }
            assertThat(send(port, "POST", "/api/sessions/" + id + "/steps/look-around/check", cookie, null).body())
                    .contains("\"passed\":true");
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(docker.inspectContainerCmd("labdeck-" + id).exec().getState().getRunning())
                .as("the sandbox outlives the crash").isTrue();

        Process second = start(port);
        try {
            try (TerminalClient t = TerminalClient.connect(port, id, cookie.substring(cookie.indexOf('=') + 1),
                    false)) {
                t.type("echo again=$$.$MARK.\n");
                t.awaitOutput("again=" + shellPid + ".before-crash.");
            }
            assertThat(send(port, "GET", "/api/sessions/" + id, cookie, null).body()).as("progress kept")
                    .containsPattern("\\{\"id\":\"look-around\",\"status\":\"passed\"");
            assertThat(send(port, "DELETE", "/api/sessions/" + id, cookie, null).statusCode()).isEqualTo(204);
            java.util.List<String> labels = java.util.List.of("io.labdeck.session=" + id);
            assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()).isEmpty();
            assertThat(docker.listNetworksCmd().exec()).noneMatch(n -> id.equals(n.getLabels().get(
                    "io.labdeck.session")));
            assertThat(docker.listVolumesCmd().withFilter("label", labels).exec().getVolumes()).isEmpty();
        } finally {
            stop(second);
        }
    }

    private static String pid(String text) {
        Matcher m = Pattern.compile("pid=(\\d+)\\.").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private Process start(int port) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Dquarkus.http.port=" + port,
                "-Dlabdeck.sandbox.owner=labdeck-it", "-Dlabdeck.registry.address=registry.labdeck:5098",
                "-Dlabdeck.registry.mirror-port=5099", "-jar",
                System.getProperty("labdeck.jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile());
        builder.environment().put("LABDECK_DATA", data.toString());
        Process process = builder.start();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .alias("the server becomes ready; see " + data.resolve("server.log")).until(() -> {
                        assertThat(process.isAlive()).as("the server died; see %s", data.resolve("server.log"))
                                .isTrue();
                        return ready(port);
                    });
        } catch (RuntimeException | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        return process;
    }

    private boolean ready(int port) throws InterruptedException {
        try {
            return send(port, "GET", "/q/health/ready", null, null).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private HttpResponse<String> send(int port, String method, String path, String cookie, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static DockerClient docker() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).build());
    }
}
