package io.labdeck.classroom.service;

import io.labdeck.classroom.ClassForbiddenException;
import io.labdeck.classroom.ClassNotFoundException;
import io.labdeck.classroom.Classroom;
import io.labdeck.classroom.Seat;
import io.labdeck.classroom.store.ClassStore;
import io.labdeck.session.LabSession;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionForbiddenException;
import io.labdeck.session.SessionNotFoundException;
import io.labdeck.session.store.SessionStore;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may touch a class or a class's session: only the instructor who made the class. Unknown classes are 404,
 * another instructor's 403.
 */
@ApplicationScoped
public class ClassAccess {

    private final ClassStore classes;
    private final SessionStore sessions;

    public ClassAccess(ClassStore classes, SessionStore sessions) {
        this.classes = classes;
        this.sessions = sessions;
    }

    /** A session and who acts on it: {@code owner}, or the name of its class's instructor. */
    public record Actor(LabSession session, String by) {
    }

    /** The instructor's class. */
    public Classroom owned(String classId, String instructor) {
        Classroom c = classes.find(classId).orElseThrow(() -> new ClassNotFoundException("No class has the id '"
                + classId + "'."));
        if (!c.instructor().equals(instructor)) {
            throw new ClassForbiddenException("The class '" + classId + "' is another instructor's.");
        }
        return c;
    }

    /** A session of the instructor's class. */
    public LabSession learner(Classroom c, String sessionId) {
        return classes.seat(sessionId).filter(s -> s.classId().equals(c.id()))
                .flatMap(s -> sessions.find(s.sessionId())).orElseThrow(() -> new SessionNotFoundException(
                        "The class '" + c.id() + "' has no session '" + sessionId + "'."));
    }

    /**
     * The session, for its owner (the cookie) or for the instructor of its class.
     *
     * @throws SessionForbiddenException for anyone else without instructor credentials
     * @throws ClassForbiddenException   for an instructor of another class (or of none)
     */
    public Actor ownerOrInstructor(String sessionId, OwnerToken owner, Optional<String> instructor) {
        LabSession s = sessions.find(sessionId).orElseThrow(() -> new SessionNotFoundException(
                "No session has the id '" + sessionId + "'."));
        if (owner != null && owner.hash().equals(s.ownerHash())) {
            return new Actor(s, "owner");
        }
        if (instructor.isEmpty()) {
            throw new SessionForbiddenException("This session belongs to another browser.");
        }
        Optional<Classroom> c = classes.seat(sessionId).map(Seat::classId).flatMap(classes::find);
        if (c.isEmpty() || !c.get().instructor().equals(instructor.get())) {
            throw new ClassForbiddenException("The session '" + sessionId + "' is not in a class of yours.");
        }
        return new Actor(s, instructor.get());
    }
}
