package io.labdeck.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.h2.api.Trigger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.fake.FakeSandboxProvisioner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A database that is locked or full answers the API with 503 and words, not a stack trace, and nothing half-made is
 * left: no sandbox runs for a start that could not be stored. H2 in memory, on in-memory sandboxes.
 */
@Tag("fast")
@QuarkusTest
@TestProfile(DatabaseFaultTest.ShortLocks.class)
class DatabaseFaultTest {

    /** Locks give up after 300 ms. */
    public static class ShortLocks extends FakeSandboxProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:db-faults;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=300",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FakeSandboxProvisioner.class);
        }
    }

    /** What a full disk says to an insert (PostgreSQL's disk_full, SQLSTATE 53100). */
    public static class DiskFull implements Trigger {
        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("could not extend file: No space left on device", "53100");
        }
    }

    @Inject
    DataSource db;
    @Inject
    FakeSandboxProvisioner sandboxes;

    private static Response start() {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.7.0." + System.nanoTime() % 200)
                .body("{\"labId\":\"check-fixture\",\"lang\":\"ja\"}").post("/api/sessions");
    }

    @Test
    void aLockHeldTooLongGives503WithWordsAndLeavesNoSandbox() throws Exception {
        int before = sandboxes.live();
        try (Connection holder = db.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeQuery("SELECT * FROM platform_lock WHERE name = 'sessions' FOR UPDATE").close();
            }
            Response refused = start();
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(503);
            assertThat(refused.jsonPath().getString("error")).isEqualTo("database-unavailable");
            assertThat(refused.jsonPath().getString("message")).contains("busy").doesNotContain("Exception");
            assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
            holder.rollback();
        }
        assertThat(sandboxes.live()).as("no sandbox for a start that was not stored").isEqualTo(before);
        assertThat(start().statusCode()).as("once the lock is gone").isEqualTo(201);
    }

    @Test
    void aFullDatabaseGives503WithWords() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER disk_full BEFORE INSERT ON lab_session FOR EACH ROW CALL \""
                    + DiskFull.class.getName() + "\"");
        }
        try {
            Response refused = start();
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(503);
            assertThat(refused.jsonPath().getString("message")).contains("full").doesNotContain("at org.");
        } finally {
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER disk_full");
            }
        }
    }
}
