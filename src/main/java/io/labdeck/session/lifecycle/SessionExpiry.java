package io.labdeck.session.lifecycle;

import io.labdeck.session.LabSession;
import io.labdeck.session.SessionConfig;
import io.labdeck.session.SessionState;
import io.labdeck.session.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.labdeck.platform.WarnOnce;
import io.quarkus.scheduler.Scheduled;

/** Ends sessions past their time, and sessions whose browser has been gone for the orphan timeout. */
@ApplicationScoped
public class SessionExpiry {

    private final SessionStore store;
    private final SessionService sessions;
    private final SessionConfig config;
    private final Clock clock;
    private final WarnOnce failures = new WarnOnce(Logger.getLogger(SessionExpiry.class), Duration.ofMinutes(10));

    public SessionExpiry(SessionStore store, SessionService sessions, SessionConfig config, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.config = config;
        this.clock = clock;
    }

    /** One session that cannot be ended (its sandbox will not go) holds up none of the others. */
    @Scheduled(every = "${labdeck.session.sweep-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        Instant now = clock.instant();
        for (LabSession s : store.live()) {
            if (s.state() != SessionState.READY) {
                continue;
            }
            try {
                if (!s.expiresAt().isAfter(now)) {
                    sessions.finish(s, SessionState.EXPIRED);
                } else if (s.lastSeenAt().plus(config.orphanTimeout()).isBefore(now)) {
                    sessions.finish(s, SessionState.ENDED);
                }
            } catch (RuntimeException e) {
                failures.warn("ending session " + s.id() + " failed", e);
            }
        }
    }
}
