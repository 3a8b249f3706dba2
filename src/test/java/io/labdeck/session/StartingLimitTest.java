package io.labdeck.session;

import io.labdeck.session.store.SessionStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With one start allowed at a time, a start during another gets 429 with Retry-After. */
@QuarkusTest
@TestProfile(StartingLimitTest.OneAtATime.class)
class StartingLimitTest {

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:starting;DB_CLOSE_DELAY=-1", "labdeck.session.max-starting", "1", "labdeck.session.retry-after", "7s");
        }
    }

    @Inject
    SessionStore store;

    @Test
    void aStartWhileAnotherIsStartingIsToldToRetry() throws Exception {
        // slow-setup's setup sleeps 3 s, so the first start is still starting when the second arrives.
        CompletableFuture<SessionApi.Started> slow = CompletableFuture.supplyAsync(
                () -> SessionApi.start("slow-setup", "ja"));
        await().atMost(Duration.ofSeconds(20)).alias("the first start is under way")
                .until(() -> store.live().stream().anyMatch(s -> s.state() == SessionState.STARTING));

        SessionApi.post("container-basics", "ja", null).then().statusCode(429)
                .header("Retry-After", "7")
                .body("error", equalTo("too-many-starting"));

        SessionApi.Started first = slow.get(60, TimeUnit.SECONDS);
        SessionApi.end(first);
        SessionApi.Started after = SessionApi.start("container-basics", "ja");
        SessionApi.end(after);
    }
}
