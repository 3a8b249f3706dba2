package io.labdeck.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code dind-mode=caps} gives learners the host, so Labdeck refuses to start Docker labs in it unless the platform
 * says its learners are trusted. Plain labs are not affected.
 */
@QuarkusTest
@TestProfile(TrustedModesTest.CapsUntrusted.class)
class TrustedModesTest {

    /** caps, learners not trusted (the default). */
    public static class CapsUntrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("labdeck.sandbox.dind-mode", "caps");
        }
    }

    @Test
    void aDockerLabIsRefusedInAModeThatGivesTheHostAndAPlainLabStarts() {
        SessionApi.post("dind-fixture", "ja", null).then().statusCode(502).body("error", org.hamcrest.Matchers
                .equalTo("sandbox-failed")).body("message", containsString("gives learners root on the host"));
        SessionApi.Started plain = SessionApi.start("check-fixture", "ja");
        try {
            assertThat(plain.response().jsonPath().getString("status")).isEqualTo("ready");
        } finally {
            SessionApi.end(plain);
        }
    }
}
