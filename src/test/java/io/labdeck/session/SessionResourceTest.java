package io.labdeck.session;

import io.labdeck.session.store.SessionStore;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.ExecRequest;
import io.labdeck.sandbox.ExecResult;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.SandboxResource;
import io.labdeck.sandbox.SandboxState;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;

/** Sessions through the REST API against the real Docker engine. */
@QuarkusTest
class SessionResourceTest {

    @Inject
    SandboxProvisioner sandboxes;
    @Inject
    SessionStore store;

    private SandboxRef sandboxOf(String sessionId) {
        return new SandboxRef(sessionId, store.find(sessionId).orElseThrow().sandboxId().orElseThrow());
    }

    private Set<SandboxResource.Kind> resourcesOf(String sessionId) {
        return sandboxes.list().stream().filter(r -> sessionId.equals(r.sessionId())).map(SandboxResource::kind)
                .collect(Collectors.toSet());
    }

    @Test
    void aSessionGetsALabelledLimitedSandboxThatRunsCommandsAndIsGoneAfterDelete() {
        SessionApi.Started s = SessionApi.start("container-basics", "ja");

        s.response().then().statusCode(201)
                .header("Location", containsString("/api/sessions/" + s.id()))
                .body("labId", equalTo("container-basics"))
                .body("lang", equalTo("ja"))
                .body("status", equalTo("ready"))
                .body("terminalUrl", equalTo("/api/sessions/" + s.id() + "/terminal"));
        Cookie cookie = s.response().getDetailedCookie(OwnerToken.COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(Instant.parse(s.response().jsonPath().getString("expiresAt")))
                .isBetween(Instant.now().plus(Duration.ofMinutes(29)), Instant.now().plus(Duration.ofMinutes(31)));

        SandboxState state = sandboxes.inspect(sandboxOf(s.id()));
        assertThat(state.running()).isTrue();
        assertThat(state.labels()).containsEntry("io.labdeck.session", s.id())
                .containsEntry("io.labdeck.lab", "container-basics").containsEntry("io.labdeck.platform", "labdeck");
        // container-basics asks for 128m, 0.5 CPU and 64 processes.
        assertThat(state.limits()).hasValueSatisfying(l -> {
            assertThat(l.memoryBytes()).isEqualTo(128L << 20);
            assertThat(l.cpus()).isEqualTo(0.5);
            assertThat(l.pids()).isEqualTo(64);
        });
        assertThat(resourcesOf(s.id())).containsExactlyInAnyOrder(SandboxResource.Kind.CONTAINER,
                SandboxResource.Kind.NETWORK, SandboxResource.Kind.VOLUME);

        ExecResult result = sandboxes.exec(sandboxOf(s.id()),
                ExecRequest.shell("echo \"$LABDECK_SESSION\"; echo oops >&2; exit 7", Duration.ofSeconds(10)));
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.stdout()).isEqualTo(s.id() + "\n");
        assertThat(result.stderr()).isEqualTo("oops\n");

        given().cookie(OwnerToken.COOKIE, s.cookie()).get("/api/sessions/" + s.id()).then().statusCode(200)
                .body("status", equalTo("ready"))
                .body("steps.id", contains("look-around", "own-files", "shared-kernel"))
                .body("steps.status", everyItem(equalTo("pending")));

        SandboxRef ref = sandboxOf(s.id());
        given().cookie(OwnerToken.COOKIE, s.cookie()).delete("/api/sessions/" + s.id()).then().statusCode(204);

        assertThat(sandboxes.inspect(ref).exists()).isFalse();
        assertThat(resourcesOf(s.id())).isEmpty();
        given().cookie(OwnerToken.COOKIE, s.cookie()).get("/api/sessions/" + s.id()).then().statusCode(200)
                .body("status", equalTo("ended"));
    }

    @Test
    void callsWithoutTheOwnersCookieAreForbidden() {
        SessionApi.Started s = SessionApi.start("container-env", "ko");
        SessionApi.Started otherSession = SessionApi.start("container-env", "ko");
        try {
            String other = otherSession.cookie();
            for (String cookie : new String[] {null, "forged-token", other}) {
                var request = cookie == null ? given() : given().cookie(OwnerToken.COOKIE, cookie);
                request.get("/api/sessions/" + s.id()).then().statusCode(403).body("error", equalTo("forbidden"));
                (cookie == null ? given() : given().cookie(OwnerToken.COOKIE, cookie))
                        .post("/api/sessions/" + s.id() + "/extend").then().statusCode(403);
                (cookie == null ? given() : given().cookie(OwnerToken.COOKIE, cookie))
                        .delete("/api/sessions/" + s.id()).then().statusCode(403);
            }
            assertThat(sandboxes.inspect(sandboxOf(s.id())).running()).as("a refused delete deletes nothing").isTrue();
            given().cookie(OwnerToken.COOKIE, other).get("/api/sessions").then().statusCode(200)
                    .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(s.id())));
            given().cookie(OwnerToken.COOKIE, s.cookie()).get("/api/sessions").then().statusCode(200)
                    .body("id", contains(s.id()));
            given().cookie(OwnerToken.COOKIE, other).get("/api/sessions/nosuchsession").then().statusCode(404);
        } finally {
            SessionApi.end(s);
            SessionApi.end(otherSession);
        }
    }

    @Test
    void aBrowserKeepsItsCookieForItsNextSession() {
        SessionApi.Started first = SessionApi.start("container-env", "ja");
        var second = SessionApi.post("container-basics", "ko", first.cookie());
        try {
            second.then().statusCode(201);
            given().cookie(OwnerToken.COOKIE, first.cookie()).get("/api/sessions/" + second.jsonPath().getString("id"))
                    .then().statusCode(200).body("lang", equalTo("ko"));
        } finally {
            SessionApi.end(first);
            SessionApi.end(new SessionApi.Started(second.jsonPath().getString("id"), first.cookie(), second));
        }
    }

    @Test
    void badStartRequestsSayWhatIsWrong() {
        given().contentType("application/json").body("{\"labId\":\"container-basics\"}").post("/api/sessions").then()
                .statusCode(400).body("error", equalTo("invalid-request")).body("message", containsString("lang"));
        SessionApi.post("no-such-lab", "ja", null).then().statusCode(404).body("error", equalTo("lab-not-found"));
        SessionApi.post("container-basics", "en", null).then().statusCode(404)
                .body("error", equalTo("language-not-found")).body("available", contains("ja", "ko"));
    }

    @Test
    void aMissingImageIsAClearErrorAndLeavesNothingRunning() {
        Set<String> before = sessionsWithResources();
        SessionApi.post("missing-image", "ja", null).then().statusCode(502)
                .body("error", equalTo("sandbox-failed"))
                .body("message", containsString("'labdeck/no-such-image:0' is not available"));
        assertThat(sessionsWithResources()).isSubsetOf(before);
    }

    @Test
    void aFailingSetupScriptIsAClearErrorAndLeavesNothingRunning() {
        Set<String> before = sessionsWithResources();
        SessionApi.post("broken-setup", "ja", null).then().statusCode(502)
                .body("error", equalTo("sandbox-failed"))
                .body("message", containsString("setup script failed (exit 3)"))
                .body("message", containsString("cannot find /data/input.csv"));
        assertThat(sessionsWithResources()).isSubsetOf(before);
        assertThat(store.live()).noneMatch(s -> s.labId().equals("broken-setup"));
    }

    private Set<String> sessionsWithResources() {
        return sandboxes.list().stream().map(SandboxResource::sessionId).collect(Collectors.toSet());
    }
}
