package io.labdeck.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.labdeck.testing.PackagedServer;
import io.labdeck.testing.TerminalClient;
import org.junit.jupiter.api.io.TempDir;

import com.github.dockerjava.api.DockerClient;

/** A restart of the server keeps live sessions and their sandboxes: the packaged jar, stopped and started again. */
class SessionRestartIT {

    @TempDir
    Path data;

    @Test
    void aSessionAndItsProgressSurviveAServerRestart() throws Exception {
        int port = PackagedServer.freePort();
        DockerClient docker = PackagedServer.docker();
        String id;
        String cookie;
        String container;
        PackagedServer first = PackagedServer.start(port, data);
        try {
            PackagedServer.Session session = first.startSession("container-basics", "ko");
            id = session.id();
            cookie = session.cookie();
            container = "labdeck-" + id;
            assertThat(docker.inspectContainerCmd(container).exec().getState().getRunning()).isTrue();

            HttpResponse<String> failed = first.send("POST", "/api/sessions/" + id + "/steps/own-files/check", cookie,
                    null);
            assertThat(failed.body()).contains("\"passed\":false", "notes not found");
            String exec = docker.execCreateCmd(container).withCmd("sh", "-c", "hostname > /root/hostname.txt").exec()
                    .getId();
            docker.execStartCmd(exec).start().awaitCompletion(10, TimeUnit.SECONDS);
            HttpResponse<String> passed = first.send("POST", "/api/sessions/" + id + "/steps/look-around/check",
                    cookie, null);
            assertThat(passed.body()).as(passed.body()).contains("\"passed\":true");
        } finally {
            first.stop();
        }
        assertThat(docker.inspectContainerCmd(container).exec().getState().getRunning())
                .as("stopping the server leaves the sandbox running").isTrue();

        PackagedServer second = PackagedServer.start(port, data);
        try {
            HttpResponse<String> again = second.send("GET", "/api/sessions/" + id, cookie, null);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(PackagedServer.field(again.body(), "status")).isEqualTo("ready");
            assertThat(docker.inspectContainerCmd(container).exec().getState().getRunning()).isTrue();
            assertThat(again.body()).as("progress kept").containsPattern(
                    "\\{\"id\":\"look-around\",\"status\":\"passed\",\"checkedAt\":\"[^\"]+\"")
                    .containsPattern("\\{\"id\":\"own-files\",\"status\":\"failed\"[^}]*notes not found");

            assertThat(second.send("DELETE", "/api/sessions/" + id, cookie, null).statusCode()).isEqualTo(204);
            HttpResponse<String> earlier = second.send("GET", "/api/sessions/latest?labId=container-basics&lang=ko",
                    cookie, null);
            assertThat(earlier.statusCode()).isEqualTo(200);
            assertThat(earlier.body()).as("an ended session still shows its progress")
                    .contains("\"status\":\"ended\"", "\"id\":\"look-around\",\"status\":\"passed\"");
            assertThat(docker.listContainersCmd().withShowAll(true).withNameFilter(java.util.List.of(container))
                    .exec()).isEmpty();
        } finally {
            second.stop();
        }
    }

    /**
     * A crash (kill -9, no shutdown hook) loses nothing a learner can see: the next server finds the sandbox, the
     * terminal reattaches to the same shell with its variables, progress is kept, and ending it leaves nothing behind.
     */
    @Test
    void aKilledServerLeavesTheSameShellAndTheProgressToTheNextOne() throws Exception {
        int port = PackagedServer.freePort();
        DockerClient docker = PackagedServer.docker();
        String id;
        String cookie;
        String shellPid;
        PackagedServer first = PackagedServer.start(port, data);
        try {
            PackagedServer.Session session = first.startSession("container-basics", "ja");
            id = session.id();
            cookie = session.cookie();
            try (TerminalClient t = TerminalClient.connect(port, id, cookie.substring(cookie.indexOf('=') + 1),
                    false)) {
                t.type("export MARK=before-crash; hostname > /root/hostname.txt; echo pid=$$.\n");
                shellPid = pid(t.awaitText(s -> s.matches("(?s).*pid=\\d+\\..*"), "the shell's pid"));
            }
            assertThat(first.send("POST", "/api/sessions/" + id + "/steps/look-around/check", cookie, null).body())
                    .contains("\"passed\":true");
        } finally {
            first.kill();
        }
        assertThat(docker.inspectContainerCmd("labdeck-" + id).exec().getState().getRunning())
                .as("the sandbox outlives the crash").isTrue();

        PackagedServer second = PackagedServer.start(port, data);
        try {
            try (TerminalClient t = TerminalClient.connect(port, id, cookie.substring(cookie.indexOf('=') + 1),
                    false)) {
                t.type("echo again=$$.$MARK.\n");
                t.awaitOutput("again=" + shellPid + ".before-crash.");
            }
            assertThat(second.send("GET", "/api/sessions/" + id, cookie, null).body()).as("progress kept")
                    .containsPattern("\\{\"id\":\"look-around\",\"status\":\"passed\"");
            assertThat(second.send("DELETE", "/api/sessions/" + id, cookie, null).statusCode()).isEqualTo(204);
            java.util.List<String> labels = java.util.List.of("io.labdeck.session=" + id);
            assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()).isEmpty();
            assertThat(docker.listNetworksCmd().exec()).noneMatch(n -> id.equals(n.getLabels().get(
                    "io.labdeck.session")));
            assertThat(docker.listVolumesCmd().withFilter("label", labels).exec().getVolumes()).isEmpty();
        } finally {
            second.stop();
        }
    }

    private static String pid(String text) {
        Matcher m = Pattern.compile("pid=(\\d+)\\.").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }
}
