package io.labdeck.classroom.events;

import io.labdeck.classroom.ClassEvent;
import io.labdeck.classroom.Seat;
import io.labdeck.classroom.store.ClassStore;
import io.labdeck.session.SessionEvent;
import java.util.LinkedHashMap;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

/**
 * Turns the session package's events into envelopes: the class is the session's seat's, if it has one. They arrive
 * asynchronously, so storing them never holds up a check or a start.
 */
@ApplicationScoped
public class SessionEventRelay {

    private final ClassStore classes;
    private final EventLog log;

    public SessionEventRelay(ClassStore classes, EventLog log) {
        this.classes = classes;
        this.log = log;
    }

    void onSessionEvent(@ObservesAsync SessionEvent e) {
        log.record(new ClassEvent(0, e.kind().word(), e.at(), classes.seat(e.sessionId()).map(Seat::classId),
                Optional.of(e.sessionId()), Optional.of(e.labId()), e.stepId(), new LinkedHashMap<>(e.data())));
    }
}
