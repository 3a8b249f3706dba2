package io.labdeck.session;

import io.labdeck.session.lifecycle.SandboxReaper;
import io.labdeck.session.store.SessionStore;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.labdeck.sandbox.Sandbox;
import io.labdeck.sandbox.SandboxLimits;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRequest;
import io.labdeck.sandbox.SandboxResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SandboxReaperTest {

    @Inject
    SandboxReaper reaper;
    @Inject
    SandboxProvisioner sandboxes;
    @Inject
    SessionStore store;

    @Test
    void labelledResourcesThatNoLiveSessionOwnsAreRemovedAndLiveOnesKept() {
        SessionApi.Started live = SessionApi.start("container-basics", "ja");
        Sandbox ghost = sandboxes.create(new SandboxRequest("ghost" + System.nanoTime(), "container-basics",
                "labdeck/sandbox-tiny", false, new SandboxLimits(64L << 20, 0.25, 32), Map.of(), Optional.empty()));
        try {
            assertThat(sandboxes.list()).filteredOn(r -> ghost.ref().sessionId().equals(r.sessionId()))
                    .extracting(SandboxResource::kind).as("the sandbox and its terminal container, its network,"
                            + " its home and the terminal's spawn volume")
                    .containsExactlyInAnyOrder(SandboxResource.Kind.CONTAINER, SandboxResource.Kind.CONTAINER,
                            SandboxResource.Kind.NETWORK, SandboxResource.Kind.VOLUME, SandboxResource.Kind.VOLUME);

            reaper.reap();

            assertThat(sandboxes.list()).noneMatch(r -> ghost.ref().sessionId().equals(r.sessionId()));
            assertThat(sandboxes.inspect(ghost.ref()).exists()).isFalse();
            assertThat(sandboxes.list()).anyMatch(r -> live.id().equals(r.sessionId()));
            assertThat(store.find(live.id()).orElseThrow().state()).isEqualTo(SessionState.READY);
        } finally {
            SessionApi.end(live);
            sandboxes.destroy(ghost.ref());
        }
    }

    @Test
    void aLiveSessionWhoseSandboxVanishedIsEnded() {
        SessionApi.Started s = SessionApi.start("container-env", "ja");
        LabSession session = store.find(s.id()).orElseThrow();
        sandboxes.destroy(new io.labdeck.sandbox.SandboxRef(s.id(), session.sandboxId().orElseThrow()));

        reaper.reap();

        assertThat(store.find(s.id()).orElseThrow().state()).isEqualTo(SessionState.ENDED);
    }
}
