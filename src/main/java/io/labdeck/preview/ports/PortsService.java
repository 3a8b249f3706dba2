package io.labdeck.preview.ports;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.session.LabSession;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionNotReadyException;
import io.labdeck.session.SessionState;
import io.labdeck.session.lifecycle.SessionOwnership;

/** A session's port links, for its owner only (another browser 403, an unknown id 404, not ready 409). */
@ApplicationScoped
public class PortsService {

    private final SessionOwnership sessions;
    private final PortTargets targets;
    private final PortDetector detector;

    public PortsService(SessionOwnership sessions, PortTargets targets, PortDetector detector) {
        this.sessions = sessions;
        this.targets = targets;
        this.detector = detector;
    }

    public List<PortView> ports(String sessionId, OwnerToken owner) {
        LabSession session = sessions.used(sessionId, owner);
        if (session.state() != SessionState.READY || session.sandboxId().isEmpty()) {
            throw new SessionNotReadyException("This session's sandbox is " + session.state().word()
                    + "; its ports can be seen once it is ready.");
        }
        return detector.current(targets.of(session));
    }
}
