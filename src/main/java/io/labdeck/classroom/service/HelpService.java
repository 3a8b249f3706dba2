package io.labdeck.classroom.service;

import io.labdeck.classroom.ClassEvent;
import io.labdeck.classroom.HelpRequest;
import io.labdeck.classroom.NotInClassException;
import io.labdeck.classroom.Seat;
import io.labdeck.classroom.events.EventLog;
import io.labdeck.classroom.store.ClassStore;
import io.labdeck.session.InvalidRequestException;
import io.labdeck.session.LabSession;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionNotReadyException;
import io.labdeck.session.lifecycle.SessionOwnership;
import io.labdeck.session.progress.ProgressService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Raised hands: a learner of a class asks for help (with the step they are on), and it shows in the class's grid
 * until an instructor answers it or the learner lowers it.
 */
@ApplicationScoped
public class HelpService {

    private static final int MAX_MESSAGE = 500;

    private final SessionOwnership ownership;
    private final ClassAccess access;
    private final ClassStore classes;
    private final ProgressService progress;
    private final EventLog events;
    private final Clock clock;

    public HelpService(SessionOwnership ownership, ClassAccess access, ClassStore classes, ProgressService progress,
            EventLog events, Clock clock) {
        this.ownership = ownership;
        this.access = access;
        this.classes = classes;
        this.progress = progress;
        this.events = events;
        this.clock = clock;
    }

    /** A raised hand, and whether this call raised it (false: it was up already). */
    public record Raised(HelpRequest request, boolean raised) {
    }

    /** The owner raises a hand; a hand that is up already stays as it is. */
    public Raised raise(String sessionId, OwnerToken owner, String message) {
        LabSession s = ownership.used(sessionId, owner);
        Seat seat = seat(s);
        if (!s.state().live()) {
            throw new SessionNotReadyException("This session has " + s.state().word() + "; join the class again.");
        }
        String text = message == null ? "" : message.strip();
        if (text.length() > MAX_MESSAGE) {
            throw new InvalidRequestException("A help message has at most " + MAX_MESSAGE + " characters.");
        }
        Optional<HelpRequest> up = classes.openHelp(s.id());
        if (up.isPresent()) {
            return new Raised(up.get(), false);
        }
        Optional<String> step = LearnerReport.currentStep(progress.gates(s).values());
        HelpRequest h = classes.raise(seat.classId(), s.id(), step, text, clock.instant());
        record("help.requested", h, s, Map.of("displayName", seat.displayName(), "message", text));
        return new Raised(h, true);
    }

    /** The owner's raised hand, if it is up; a session in no class has none to ask about (the page shows no bar). */
    public Optional<HelpRequest> current(String sessionId, OwnerToken owner) {
        LabSession s = ownership.owned(sessionId, owner);
        seat(s);
        return classes.openHelp(s.id());
    }

    /** Lowers the session's hand: answered by its class's instructor, or taken back by the learner. */
    public List<HelpRequest> lower(String sessionId, OwnerToken owner, Optional<String> instructor) {
        ClassAccess.Actor actor = access.ownerOrInstructor(sessionId, owner, instructor);
        LabSession s = actor.session();
        seat(s);
        String by = actor.by().equals("owner") ? "learner" : actor.by();
        List<HelpRequest> answered = classes.answer(s.id(), by, clock.instant());
        answered.forEach(h -> record("help.answered", h, s, Map.of("by", by)));
        return answered;
    }

    private Seat seat(LabSession s) {
        return classes.seat(s.id()).orElseThrow(() -> new NotInClassException("The session '" + s.id()
                + "' is in no class, so there is no instructor to ask; the lab's hints are on each step."));
    }

    private void record(String event, HelpRequest h, LabSession s, Map<String, Object> data) {
        events.record(new ClassEvent(0, event, clock.instant(), Optional.of(h.classId()), Optional.of(s.id()),
                Optional.of(s.labId()), h.stepId(), data));
    }
}
