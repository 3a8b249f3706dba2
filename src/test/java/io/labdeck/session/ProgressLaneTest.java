package io.labdeck.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.fake.FakeSandboxProvisioner;
import io.labdeck.session.progress.ProgressService;
import io.labdeck.session.store.SessionStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * One session's progress work runs one piece at a time: checks from the button and background rounds racing each
 * other open a step once and run its setup once, and its setup's record is not written over by a check that read
 * the progress before it. After the session ends nothing more runs for it. On in-memory sandboxes.
 */
@Tag("fast")
@QuarkusTest
@TestProfile(FakeSandboxProfile.class)
class ProgressLaneTest {

    @Inject
    FakeSandboxProvisioner sandboxes;
    @Inject
    ProgressService progress;
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
    void racingChecksOpenTheNextStepOnceAndItsSetupRunsOnceAndStaysRecorded() throws Exception {
        session = SessionApi.start("check-fixture", "ja");
        String sandbox = store.find(session.id()).orElseThrow().sandboxId().orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                boolean button = i % 2 == 0;
                calls.add(pool.submit(() -> {
                    go.await();
                    if (button) {
                        return given().cookie(OwnerToken.COOKIE, session.cookie())
                                .post("/api/sessions/" + session.id() + "/steps/make-file/check").statusCode();
                    }
                    progress.autoCheck(store.find(session.id()).orElseThrow(), 3);
                    return 200;
                }));
            }
            go.countDown();
            for (Future<Integer> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandboxes.ran(sandbox, "echo opened > follow-up-setup.txt"))
                .as("the setup of the step that opened ran once").isEqualTo(1);
        var followUp = store.progress(session.id()).stream().filter(p -> p.stepId().equals("follow-up")).findFirst()
                .orElseThrow();
        assertThat(followUp.setupAt()).as("and its record survived every check after it").isPresent();
    }

    @Test
    void afterTheSessionEndsNoCheckRunsForIt() {
        session = SessionApi.start("check-fixture", "ja");
        String sandbox = store.find(session.id()).orElseThrow().sandboxId().orElseThrow();
        LabSession live = store.find(session.id()).orElseThrow();
        SessionApi.end(session);
        long before = sandboxes.ran(sandbox, "made.txt");
        progress.autoCheck(live, 3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> progress.check(live, "make-file",
                ProgressService.Trigger.BUTTON)).isInstanceOf(SessionNotReadyException.class).hasMessageContaining("ended");
        assertThat(sandboxes.ran(sandbox, "made.txt")).isEqualTo(before);
        session = null;
    }
}
