package io.labdeck.session;

import io.labdeck.session.store.SessionStore;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The same sessions on a real PostgreSQL (deploy/db/ensure-postgres.sh provides it for ./labdeck test): the Flyway
 * migration, the Panache queries and the progress upsert.
 */
@QuarkusTest
@TestProfile(PostgresSessionTest.OnPostgres.class)
class PostgresSessionTest {

    public static class OnPostgres implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.db-kind", "postgresql",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:5432/labdeck_test",
                    "quarkus.datasource.username", "labdeck_test",
                    "quarkus.datasource.password", "labdeck_test",
                    "quarkus.flyway.clean-at-start", "true",
                    "quarkus.flyway.clean-disabled", "false");
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SessionStore store;

    @Test
    void sessionsAndProgressAreStoredInPostgres() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        SessionApi.Started s = SessionApi.start("container-basics", "ko");
        try {
            store.saveProgress(s.id(), new StepProgress("own-files", StepStatus.FAILED, "FAIL: not yet",
                    Optional.of(Instant.now())));
            store.saveProgress(s.id(), new StepProgress("own-files", StepStatus.PASSED, "",
                    Optional.of(Instant.now())));
            given().cookie(OwnerToken.COOKIE, s.cookie()).get("/api/sessions/" + s.id()).then().statusCode(200)
                    .body("status", equalTo("ready"))
                    .body("steps.find { it.id == 'own-files' }.status", equalTo("passed"))
                    .body("steps.find { it.id == 'look-around' }.status", equalTo("pending"));
            assertThat(store.liveOwnedBy(new OwnerToken(s.cookie()).hash())).extracting(LabSession::id)
                    .containsExactly(s.id());
        } finally {
            SessionApi.end(s);
        }
        assertThat(store.find(s.id()).orElseThrow().state()).isEqualTo(SessionState.ENDED);
    }
}
