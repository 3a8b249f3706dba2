package io.labdeck.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.dockerjava.api.DockerClient;

import io.labdeck.testing.PackagedServer;
import io.labdeck.testing.TerminalClient;

/**
 * The Docker engine restarts under a running server (an upgrade, a crash): its containers stop. The learner's
 * terminal says its shell cannot be had, the session ends on its own and nothing of it is left; Labdeck is ready
 * again once the engine is, and the next session works.
 */
class EngineRestartIT {

    @TempDir
    Path data;

    @Test
    void sessionsOnAStoppedEngineSayWhyEndAndTheNextOneWorks() throws Exception {
        PackagedServer server = PackagedServer.start(PackagedServer.freePort(), data,
                "-Dlabdeck.session.reap-interval=2s");
        try {
            PackagedServer.Session session = server.startSession("container-basics", "ja");
            String id = session.id();
            String cookie = session.cookie();
            try (TerminalClient t = TerminalClient.connect(server.port(), id, session.token(), false)) {
                t.type("echo before-$((2*21))\n");
                t.awaitOutput("before-42");

                restartEngine();

                t.awaitControls(c -> c.stream().anyMatch(m -> m.contains("\"type\":\"error\"")),
                        "the terminal to say its shell cannot be had");
            }
            await().atMost(Duration.ofSeconds(60)).alias("the session ends on its own").until(() ->
                    PackagedServer.field(server.send("GET", "/api/sessions/" + id, cookie, null).body(), "status")
                            .equals("ended"));
            DockerClient docker = PackagedServer.docker();
            List<String> labels = List.of("io.labdeck.session=" + id);
            await().atMost(Duration.ofSeconds(30)).alias("nothing of the session is left").untilAsserted(() -> {
                assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()).isEmpty();
                assertThat(docker.listVolumesCmd().withFilter("label", labels).exec().getVolumes()).isEmpty();
                assertThat(docker.listNetworksCmd().exec()).noneMatch(n -> id.equals(n.getLabels()
                        .get("io.labdeck.session")));
            });

            await().atMost(Duration.ofSeconds(90)).alias("ready again").until(server::ready);
            PackagedServer.Session next = server.startSession("container-basics", "ko");
            try (TerminalClient t = TerminalClient.connect(server.port(), next.id(), next.token(), false)) {
                t.type("echo after-$((3*7))\n");
                t.awaitOutput("after-21");
            }
            assertThat(server.send("DELETE", "/api/sessions/" + next.id(), next.cookie(), null).statusCode())
                    .isEqualTo(204);
        } finally {
            server.stop();
        }
    }

    /** Stops dockerd (its containers stop with it) and starts it again as the project's scripts do. */
    private static void restartEngine() throws Exception {
        Process restart = new ProcessBuilder("bash", "-c", """
                set -e
                pid=$(pgrep -x dockerd | head -n 1)
                kill "$pid"
                for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
                . deploy/lib/common.sh
                ensure_engine
                """).inheritIO().start();
        assertThat(restart.waitFor(180, TimeUnit.SECONDS)).as("the engine restarted in time").isTrue();
        assertThat(restart.exitValue()).isZero();
    }
}
