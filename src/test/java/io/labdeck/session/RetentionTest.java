package io.labdeck.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.session.lifecycle.RetentionSweep;
import io.labdeck.session.progress.ProgressService;
import io.labdeck.session.store.SessionStore;
import io.labdeck.terminal.TerminalService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What is kept, and for how long: a background check that changes nothing is not stored (the step's last result is),
 * and an ended session goes, with its progress, its check results and its recording, once its retention has passed.
 */
@Tag("fast")
@QuarkusTest
@TestProfile(FakeSandboxProfile.class)
class RetentionTest {

    @Inject
    MutableClock clock;
    @Inject
    SessionStore store;
    @Inject
    ProgressService progress;
    @Inject
    RetentionSweep retention;
    @Inject
    TerminalService terminals;
    @Inject
    SessionConfig config;

    @Inject
    io.labdeck.sandbox.fake.FakeSandboxProvisioner sandboxes;

    @AfterEach
    void resetClock() {
        clock.reset();
        sandboxes.resetExits();
    }

    @Test
    void backgroundChecksThatChangeNothingAreNotStoredAndEndedSessionsGoAfterTheirRetention() throws Exception {
        sandboxes.exitWith("test -f second.txt", 1);
        SessionApi.Started s = SessionApi.start("gated-fixture", "ja");
        LabSession live = store.find(s.id()).orElseThrow();
        for (int i = 0; i < 20; i++) {
            progress.autoCheck(live, 2);
        }
        assertThat(store.checks(s.id())).as("twenty background rounds: 'first' passed once (a change), 'second'"
                + " failed twenty times (no change: it stays pending)").extracting(c -> c.stepId() + ":" + c.passed())
                .containsExactly("first:true");
        assertThat(store.progress(s.id())).as("and 'second' is still pending")
                .noneMatch(p -> p.stepId().equals("second") && p.status() != StepStatus.PENDING);
        Path recording = terminals.recording(s.id());
        Files.createDirectories(recording.getParent());
        Files.writeString(recording, "{\"version\":2}\n");
        SessionApi.end(s);

        clock.advance(config.retention().minus(Duration.ofHours(1)));
        // Other tests in this application end sessions too, so the sweep's count says little: look at this one.
        retention.sweep();
        assertThat(store.find(s.id())).as("not yet").isPresent();

        clock.advance(Duration.ofHours(2));
        assertThat(retention.sweep()).isPositive();
        assertThat(store.find(s.id())).isEmpty();
        assertThat(store.progress(s.id())).isEmpty();
        assertThat(store.checks(s.id())).isEmpty();
        assertThat(recording).doesNotExist();
    }
}
