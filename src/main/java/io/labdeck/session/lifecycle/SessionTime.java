package io.labdeck.session.lifecycle;

import io.labdeck.session.ExtensionLimitException;
import io.labdeck.session.LabSession;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionConfig;
import io.labdeck.session.SessionEvent;
import io.labdeck.session.SessionState;
import io.labdeck.session.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * How long sessions live: the owner's Extend, and the extensions and end times that someone in charge of a
 * session (a class's instructor) gives it. No session outlives {@code labdeck.session.max-lifetime} from its start.
 */
@ApplicationScoped
public class SessionTime {

    private final SessionOwnership ownership;
    private final SessionStore store;
    private final SessionConfig config;
    private final SessionService sessions;
    private final Clock clock;
    private final Event<SessionEvent> events;

    public SessionTime(SessionOwnership ownership, SessionStore store, SessionConfig config, SessionService sessions,
            Clock clock, Event<SessionEvent> events) {
        this.ownership = ownership;
        this.store = store;
        this.config = config;
        this.sessions = sessions;
        this.clock = clock;
        this.events = events;
    }

    /** The owner's Extend: one extension, up to the longest lifetime. */
    public LabSession extend(String id, OwnerToken owner) {
        return extendBy(ownership.owned(id, owner), config.extension(), "owner");
    }

    /**
     * Adds {@code by} to a live session's time, up to the longest lifetime.
     *
     * @param by who asked, for the event: {@code owner} or an instructor's name
     * @throws ExtensionLimitException when the session is over or already lasts the longest it may
     */
    public LabSession extendBy(LabSession s, Duration extension, String by) {
        if (!s.state().live()) {
            throw new ExtensionLimitException("This session has " + s.state().word() + "; start a new one.");
        }
        Instant limit = s.createdAt().plus(config.maxLifetime());
        if (!s.expiresAt().isBefore(limit)) {
            throw new ExtensionLimitException("This session already lasts the longest a session may ("
                    + config.maxLifetime().toMinutes() + " minutes).");
        }
        Instant extended = s.expiresAt().plus(extension);
        Instant now = clock.instant();
        LabSession updated = store.update(s.expiringAt(extended.isAfter(limit) ? limit : extended, now));
        events.fireAsync(SessionEvent.of(SessionEvent.Kind.EXTENDED, updated, now,
                Map.of("expiresAt", updated.expiresAt().toString(), "by", by)));
        return updated;
    }

    /**
     * Makes a live session end at {@code at} (within its longest lifetime); one whose time is already up ends now.
     * Expiry ({@link SessionExpiry}) ends the others when their time comes.
     */
    public LabSession endAt(LabSession s, Instant at) {
        if (!s.state().live()) {
            return s;
        }
        Instant now = clock.instant();
        if (!at.isAfter(now)) {
            sessions.finish(s, SessionState.ENDED);
            return store.find(s.id()).orElse(s);
        }
        Instant limit = s.createdAt().plus(config.maxLifetime());
        LabSession updated = store.update(s.expiringAt(at.isAfter(limit) ? limit : at, s.lastSeenAt()));
        events.fireAsync(SessionEvent.of(SessionEvent.Kind.EXTENDED, updated, now,
                Map.of("expiresAt", updated.expiresAt().toString(), "by", "class-end")));
        return updated;
    }
}
