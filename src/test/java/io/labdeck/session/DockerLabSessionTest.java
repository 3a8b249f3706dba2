package io.labdeck.session;

import io.labdeck.session.store.SessionStore;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.labdeck.platform.RegistryConfig;
import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.SandboxResource;
import io.labdeck.testing.Http;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Sessions of a lab with Docker inside, on the real engine, the registry behind Labdeck's proxy and the stand-in
 * images (all set up by {@code ./labdeck test}): a Flask image built {@code FROM python:3.8-alpine} offline, served
 * on a published port, pushed under the session's namespace and seen by the step's check; and two sessions kept
 * apart.
 */
@QuarkusTest
class DockerLabSessionTest {

    private static final String APP = """
            set -e
            mkdir -p /root/app && cd /root/app
            printf '%s\\n' 'from flask import Flask' 'app = Flask(__name__)' '@app.route("/")' 'def hello():' \\
              '    return "hello from the inner engine\\n"' 'app.run(host="0.0.0.0", port=5000)' > app.py
            printf '%s\\n' 'FROM python:3.8-alpine' 'RUN pip install flask' 'COPY app.py /app.py' \\
              'CMD ["python", "/app.py"]' > Dockerfile
            docker build -t app . 2>&1
            docker run -d -p 8000:5000 --name web app
            for i in $(seq 100); do curl -fsS localhost:8000 2>/dev/null && exit 0; sleep 0.1; done
            docker logs web; exit 1
            """;

    @Inject
    SandboxProvisioner sandboxes;

    @Inject
    SessionStore store;

    @Inject
    RegistryConfig registry;

    private SessionApi.Started first;
    private SessionApi.Started second;

    @AfterEach
    void end() {
        for (SessionApi.Started s : new SessionApi.Started[] {first, second}) {
            if (s != null) {
                SessionApi.end(s);
            }
        }
    }

    @Test
    void buildsRunsAndPushesAnImageOfflineAndTheCheckSeesTheTag() {
        first = SessionApi.start("dind-fixture", "ja");
        ExecResult built = run(first, APP, 180);
        assertThat(built.stdout()).as(built.stderr()).contains("Requirement already satisfied")
                .contains("Successfully tagged app:latest").endsWith("hello from the inner engine\n");
        String address = sandboxes.inspect(sandbox(first)).address().orElseThrow();
        assertThat(Http.get("http://" + address + ":8000/")).as("Labdeck reaches the inner container's published port at"
                + " the sandbox's address").isEqualTo("hello from the inner engine\n");

        String target = registry.address() + "/" + first.id() + "/app:1.0";
        check(first).then().statusCode(200).body("passed", equalTo(false))
                .body("hint", equalTo("docker push " + target + " を実行します。"));
        ExecResult pushed = run(first, "docker tag app " + target + " && docker push " + target, 60);
        assertThat(pushed.exitCode()).as(pushed.stdout() + pushed.stderr()).isZero();
        check(first).then().statusCode(200).body("passed", equalTo(true));
    }

    @Test
    void sessionsPushOnlyUnderTheirOwnNamespaceAndPullOthersOnlyByNameAndEndingRemovesTheEngineVolume() {
        first = SessionApi.start("dind-fixture", "ja");
        second = SessionApi.start("dind-fixture", "ko");
        String reg = registry.address();
        String mine = reg + "/" + first.id() + "/hello:1";
        ExecResult pushed = run(first, "docker pull -q hello-world && docker tag hello-world " + mine
                + " && docker push " + mine, 60);
        assertThat(pushed.exitCode()).as(pushed.stdout() + pushed.stderr()).isZero();

        assertThat(run(second, "docker images -q", 20).stdout()).as("a new engine has no images").isBlank();
        String catalog = run(second, "curl -fsS http://" + reg + "/v2/_catalog", 20).stdout();
        assertThat(catalog).contains("library/python").doesNotContain(first.id());
        String intruder = reg + "/" + first.id() + "/intruder:1";
        ExecResult intrusion = run(second, "docker pull -q alpine && docker tag alpine " + intruder
                + " && docker push " + intruder, 60);
        assertThat(intrusion.exitCode()).isNotZero();
        assertThat(intrusion.stdout() + intrusion.stderr()).contains("denied").contains("own namespace");
        ExecResult pulled = run(second, "docker run --rm " + mine, 60);
        assertThat(pulled.stdout()).as("a deliberate pull by name works: " + pulled.stderr())
                .contains("Hello from Labdeck");

        ExecResult limits = run(second, "docker run -d --name probe alpine sleep 300 >/dev/null"
                + " && pid=$(docker inspect -f '{{.State.Pid}}' probe) && sed -n 's/^[0-9]*:memory://p' /proc/$pid/cgroup"
                + " && df -B1M --output=size \"$(docker info -f '{{.DockerRootDir}}')\" | tail -1", 30);
        // A rootless engine has no cgroup driver on cgroup v1: its containers stay in the sandbox's own cgroup.
        assertThat(limits.stdout().lines().toList()).as("inner containers live in the sandbox's cgroup; the engine's"
                + " storage is the lab's 1g disk: " + limits.stderr()).satisfiesExactly(
                        cgroup -> assertThat(cgroup).isEqualTo("/docker/" + sandbox(second).id()),
                        size -> assertThat(size.strip()).isEqualTo("1024"));

        SessionApi.end(first);
        assertThat(sandboxes.list()).as("the ended session's resources, its engine's volume among them")
                .noneMatch(r -> first.id().equals(r.sessionId()));
        assertThat(sandboxes.list()).anyMatch(r -> r.kind() == SandboxResource.Kind.VOLUME
                && second.id().equals(r.sessionId()) && r.id().endsWith("-docker"));
        first = null;
    }

    private io.restassured.response.Response check(SessionApi.Started s) {
        return given().cookie(OwnerToken.COOKIE, s.cookie()).post("/api/sessions/" + s.id() + "/steps/pushed/check");
    }

    private SandboxRef sandbox(SessionApi.Started s) {
        return SessionApi.sandbox(store, s);
    }

    private ExecResult run(SessionApi.Started s, String script, int seconds) {
        return sandboxes.exec(sandbox(s), ExecRequest.shell(script, Duration.ofSeconds(seconds)));
    }
}
