package io.labdeck.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.session.store.SessionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The registry behind Labdeck's proxy hangs: it takes connections and never answers. A learner's pull and a step's
 * check that reads the registry each end within their time with an error that says the registry does not answer;
 * nothing waits for ever.
 */
@QuarkusTest
@TestProfile(RegistryDownTest.Hung.class)
class RegistryDownTest {

    /** A registry that accepts and then says nothing, on a port of its own, alive as long as the test JVM. */
    static final ServerSocket HUNG = hung();
    private static final List<Socket> HELD = new CopyOnWriteArrayList<>();

    public static class Hung implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("labdeck.registry-proxy.upstream", "http://127.0.0.1:" + HUNG.getLocalPort(),
                    "labdeck.registry-proxy.upstream-timeout", "3s");
        }
    }

    @Inject
    SandboxProvisioner sandboxes;
    @Inject
    SessionStore store;

    private SessionApi.Started session;

    @AfterEach
    void end() {
        if (session != null) {
            SessionApi.end(session);
        }
    }

    @Test
    void aPullAndACheckEndInTimeSayingTheRegistryDoesNotAnswer() {
        session = SessionApi.start("dind-fixture", "ja");
        ExecResult ping = run("mine=$(sed -n 's/.*\"auth\":\"\\([^\"]*\\)\".*/\\1/p' ~/.docker/config.json);"
                + " curl -s -w ' %{http_code}' -H \"Authorization: Basic $mine\" http://$LABDECK_REGISTRY/v2/", 30);
        assertThat(ping.timedOut()).isFalse();
        assertThat(ping.stdout()).contains("UNAVAILABLE", "does not answer").endsWith(" 502");

        ExecResult pull = run("docker pull -q alpine", 120);
        assertThat(pull.timedOut()).as("the pull gives up on its own").isFalse();
        assertThat(pull.exitCode()).isNotZero();

        io.restassured.RestAssured.given().cookie(OwnerToken.COOKIE, session.cookie())
                .post("/api/sessions/" + session.id() + "/steps/pushed/check").then().statusCode(200)
                .body("passed", org.hamcrest.Matchers.equalTo(false))
                .body("message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("timed out")));
    }

    private ExecResult run(String script, int seconds) {
        return sandboxes.exec(SessionApi.sandbox(store, session), ExecRequest.shell(script,
                Duration.ofSeconds(seconds)));
    }

    private static ServerSocket hung() {
        try {
            ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        HELD.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
