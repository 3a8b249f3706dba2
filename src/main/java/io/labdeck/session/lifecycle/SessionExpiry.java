package io.labdeck.session.lifecycle;

import io.labdeck.session.LabSession;
import io.labdeck.session.SessionConfig;
import io.labdeck.session.SessionState;
import io.labdeck.session.store.SessionStore;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Ends sessions past their time, and sessions whose browser has been gone for the orphan timeout. */
@ApplicationScoped
public class SessionExpiry {

    private final SessionStore store;
    private final SessionService sessions;
    private final SessionConfig config;
    private final Clock clock;

    public SessionExpiry(SessionStore store, SessionService sessions, SessionConfig config, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${labdeck.session.sweep-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        Instant now = clock.instant();
        for (LabSession s : store.live()) {
            if (s.state() != SessionState.READY) {
                continue;
            }
            if (!s.expiresAt().isAfter(now)) {
                sessions.finish(s, SessionState.EXPIRED);
            } else if (s.lastSeenAt().plus(config.orphanTimeout()).isBefore(now)) {
                sessions.finish(s, SessionState.ENDED);
            }
        }
    }
}
