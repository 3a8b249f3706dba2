package io.labdeck.session.lifecycle;

import io.labdeck.session.LabSession;
import io.labdeck.session.SessionState;
import io.labdeck.session.store.SessionStore;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.SandboxState;
import io.labdeck.sandbox.SandboxResource;
import io.quarkus.runtime.StartupEvent;
import io.labdeck.platform.WarnOnce;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the engine and the database in agreement. Labelled resources that no live session owns are removed; live
 * sessions whose sandbox has vanished are ended. On startup, sessions left starting by a crash are failed, while
 * ready ones are kept: a restart of the server must not cost learners their sandboxes.
 */
@ApplicationScoped
public class SandboxReaper {

    private static final Logger LOG = Logger.getLogger(SandboxReaper.class);

    private final SandboxProvisioner sandboxes;
    private final SessionStore store;
    private final SessionService sessions;
    private final WarnOnce failures = new WarnOnce(LOG, java.time.Duration.ofMinutes(10));

    public SandboxReaper(SandboxProvisioner sandboxes, SessionStore store, SessionService sessions) {
        this.sandboxes = sandboxes;
        this.store = store;
        this.sessions = sessions;
    }

    void onStart(@Observes StartupEvent event) {
        store.live().stream().filter(s -> s.state() == SessionState.STARTING)
                .forEach(s -> sessions.finish(s, SessionState.FAILED));
        reap();
    }

    @Scheduled(every = "${labdeck.session.reap-interval:60s}", delayed = "${labdeck.session.reap-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reap() {
        if (!sandboxes.available()) {
            LOG.warn("The sandbox backend does not answer; nothing reaped.");
            return;
        }
        // Resources first, then sessions: a session row is written before its resources, so none is mistaken.
        List<SandboxResource> found = sandboxes.list();
        Set<String> live = store.liveIds();
        // Each item on its own: one that fails (a network still in use) is tried again next time, the rest go on.
        found.stream().filter(r -> r.sessionId() == null || !live.contains(r.sessionId()))
                .sorted(Comparator.comparing(SandboxResource::kind))
                .forEach(r -> {
                    try {
                        LOG.infof("reaping %s %s of session %s", r.kind(), r.id(), r.sessionId());
                        sandboxes.remove(r);
                    } catch (RuntimeException e) {
                        failures.warn("reaping " + r.kind() + " " + r.id() + " failed", e);
                    }
                });
        for (LabSession s : store.live()) {
            try {
                if (s.state() != SessionState.READY) {
                    continue;
                }
                // Gone (removed behind Labdeck's back) or stopped (the engine restarted: without live-restore its
                // containers stop, and the shell and what ran in it are lost): the session ends, and its terminal
                // and page say so, rather than stay open on a sandbox that cannot answer.
                SandboxState state = sandboxes.inspect(new SandboxRef(s.id(), s.sandboxId().orElse("")));
                if (!state.running()) {
                    LOG.warnf("session %s lost its sandbox (%s); ending it", s.id(), state.status());
                    sessions.finish(s, SessionState.ENDED);
                }
            } catch (RuntimeException e) {
                failures.warn("looking after session " + s.id() + " failed", e);
            }
        }
    }
}
