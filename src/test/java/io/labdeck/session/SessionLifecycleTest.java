package io.labdeck.session;

import io.labdeck.session.lifecycle.SessionExpiry;
import io.labdeck.session.store.SessionStore;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.quarkus.test.junit.QuarkusTest;

/** Expiry, orphans and extension, with a clock the test moves. */
@QuarkusTest
class SessionLifecycleTest {

    @Inject
    MutableClock clock;
    @Inject
    SessionExpiry expiry;
    @Inject
    SessionStore store;
    @Inject
    SandboxProvisioner sandboxes;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private SandboxRef sandboxOf(String id) {
        return new SandboxRef(id, store.find(id).orElseThrow().sandboxId().orElseThrow());
    }

    private Instant expiresAt(SessionApi.Started s) {
        return Instant.parse(given().cookie(OwnerToken.COOKIE, s.cookie()).get("/api/sessions/" + s.id()).jsonPath()
                .getString("expiresAt"));
    }

    @Test
    void extensionsAddHalfAnHourUntilTheMaximumLifetime() {
        SessionApi.Started s = SessionApi.start("container-env", "ja");
        try {
            Instant created = store.find(s.id()).orElseThrow().createdAt();
            Instant before = expiresAt(s);
            Instant after = Instant.parse(given().cookie(OwnerToken.COOKIE, s.cookie())
                    .post("/api/sessions/" + s.id() + "/extend").then().statusCode(200).extract().path("expiresAt"));
            assertThat(Duration.between(before, after)).isEqualTo(Duration.ofMinutes(30));

            int extensions = 1;
            while (given().cookie(OwnerToken.COOKIE, s.cookie()).post("/api/sessions/" + s.id() + "/extend")
                    .statusCode() == 200) {
                extensions++;
                assertThat(extensions).as("extensions must stop at the maximum lifetime").isLessThan(20);
            }
            given().cookie(OwnerToken.COOKIE, s.cookie()).post("/api/sessions/" + s.id() + "/extend").then()
                    .statusCode(409).body("error", equalTo("cannot-extend"))
                    .body("message", containsString("240 minutes"));
            assertThat(expiresAt(s)).isEqualTo(created.plus(Duration.ofHours(4)));
        } finally {
            SessionApi.end(s);
        }
    }

    @Test
    void anExpiredSessionIsEndedAndItsSandboxRemoved() {
        SessionApi.Started s = SessionApi.start("container-env", "ko");
        SandboxRef ref = sandboxOf(s.id());

        clock.advance(Duration.ofMinutes(10));
        expiry.sweep();
        assertThat(sandboxes.inspect(ref).running()).as("not yet due").isTrue();

        clock.advance(Duration.ofMinutes(51));
        given().cookie(OwnerToken.COOKIE, s.cookie()).get("/api/sessions/" + s.id()); // a live browser
        expiry.sweep();

        given().cookie(OwnerToken.COOKIE, s.cookie()).get("/api/sessions/" + s.id()).then().statusCode(200)
                .body("status", equalTo("expired"));
        assertThat(sandboxes.inspect(ref).exists()).isFalse();
        given().cookie(OwnerToken.COOKIE, s.cookie()).post("/api/sessions/" + s.id() + "/extend").then()
                .statusCode(409);
    }

    @Test
    void aSessionWhoseBrowserIsGoneIsEndedButOneStillSeenIsKept() {
        SessionApi.Started gone = SessionApi.start("container-basics", "ja");
        SessionApi.Started seen = SessionApi.start("container-basics", "ko");
        try {
            clock.advance(Duration.ofMinutes(16));
            given().cookie(OwnerToken.COOKIE, seen.cookie()).get("/api/sessions/" + seen.id()).then().statusCode(200);
            expiry.sweep();

            assertThat(store.find(gone.id()).orElseThrow().state()).isEqualTo(SessionState.ENDED);
            assertThat(sandboxes.list()).noneMatch(r -> gone.id().equals(r.sessionId()));
            assertThat(store.find(seen.id()).orElseThrow().state()).isEqualTo(SessionState.READY);
            assertThat(sandboxes.inspect(sandboxOf(seen.id())).running()).isTrue();
        } finally {
            SessionApi.end(gone);
            SessionApi.end(seen);
        }
    }
}
