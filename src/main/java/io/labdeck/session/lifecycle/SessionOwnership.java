package io.labdeck.session.lifecycle;

import io.labdeck.session.LabSession;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionForbiddenException;
import io.labdeck.session.SessionNotFoundException;
import io.labdeck.session.store.SessionStore;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

/** Finds a session for its owner: unknown ids are 404, other browsers' sessions 403. */
@ApplicationScoped
public class SessionOwnership {

    private final SessionStore store;
    private final Clock clock;

    public SessionOwnership(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The owner's session. */
    public LabSession owned(String id, OwnerToken owner) {
        LabSession session = store.find(id).orElseThrow(() -> new SessionNotFoundException("No session has the id '"
                + id + "'."));
        if (owner == null || !owner.hash().equals(session.ownerHash())) {
            throw new SessionForbiddenException("This session belongs to another browser.");
        }
        return session;
    }

    /** The owner's session, counting the call as a sign of life. */
    public LabSession used(String id, OwnerToken owner) {
        LabSession session = owned(id, owner);
        if (session.state().live()) {
            store.touch(id, clock.instant());
        }
        return session;
    }
}
