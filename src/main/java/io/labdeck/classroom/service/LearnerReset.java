package io.labdeck.classroom.service;

import io.labdeck.session.LabSession;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.lifecycle.SessionReset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** A fresh sandbox for a session, progress kept: asked by its owner, or by the instructor of its class. */
@ApplicationScoped
public class LearnerReset {

    private final ClassAccess access;
    private final SessionReset resets;

    public LearnerReset(ClassAccess access, SessionReset resets) {
        this.access = access;
        this.resets = resets;
    }

    public LabSession reset(String sessionId, OwnerToken owner, Optional<String> instructor) {
        ClassAccess.Actor actor = access.ownerOrInstructor(sessionId, owner, instructor);
        return resets.reset(actor.session(), actor.by());
    }
}
