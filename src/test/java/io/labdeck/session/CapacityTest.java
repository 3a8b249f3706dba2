package io.labdeck.session;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With room for one live session, a second start gets 503 with a message, and the seat frees on delete. */
@QuarkusTest
@TestProfile(CapacityTest.OneSeat.class)
class CapacityTest {

    public static class OneSeat implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:capacity;DB_CLOSE_DELAY=-1", "labdeck.session.max-live", "1");
        }
    }

    @Test
    void aFullServerAnswers503AndAFreedSeatCanBeTakenAgain() {
        SessionApi.Started first = SessionApi.start("container-basics", "ja");
        try {
            SessionApi.post("container-basics", "ko", null).then().statusCode(503)
                    .body("error", equalTo("out-of-capacity"))
                    .body("message", containsString("All 1 sandboxes are in use"));
        } finally {
            SessionApi.end(first);
        }
        SessionApi.Started again = SessionApi.start("container-basics", "ko");
        SessionApi.end(again);
    }
}
