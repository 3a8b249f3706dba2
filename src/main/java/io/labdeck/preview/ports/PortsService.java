package io.labdeck.preview.ports;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.session.LabSession;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionNotFoundException;
import io.labdeck.session.SessionNotReadyException;
import io.labdeck.session.SessionState;
import io.labdeck.session.lifecycle.SessionOwnership;
import io.labdeck.session.store.SessionStore;
import io.labdeck.terminal.InstructorWatch;

/**
 * A session's port links, for its owner and for the instructor of its class, who may open them too (another browser
 * 403, an unknown id 404, not ready 409).
 */
@ApplicationScoped
public class PortsService {

    private final SessionOwnership sessions;
    private final SessionStore store;
    private final InstructorWatch instructors;
    private final PortTargets targets;
    private final PortDetector detector;

    public PortsService(SessionOwnership sessions, SessionStore store, InstructorWatch instructors,
            PortTargets targets, PortDetector detector) {
        this.sessions = sessions;
        this.store = store;
        this.instructors = instructors;
        this.targets = targets;
        this.detector = detector;
    }

    /** The links now; {@code instructor} is the signed-in caller's name, if any. */
    public List<PortView> ports(String sessionId, OwnerToken owner, Optional<String> instructor) {
        LabSession session = instructor.filter(name -> instructors.teaches(name, sessionId)).isPresent()
                ? store.find(sessionId).orElseThrow(() -> new SessionNotFoundException("No session has the id '"
                        + sessionId + "'."))
                : sessions.used(sessionId, owner);
        if (session.state() != SessionState.READY || session.sandboxId().isEmpty()) {
            throw new SessionNotReadyException("This session's sandbox is " + session.state().word()
                    + "; its ports can be seen once it is ready.");
        }
        return detector.current(targets.of(session));
    }
}
