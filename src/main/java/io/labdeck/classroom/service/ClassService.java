package io.labdeck.classroom.service;

import io.labdeck.classroom.ClassEvent;
import io.labdeck.classroom.Classroom;
import io.labdeck.classroom.ClassroomConfig;
import io.labdeck.classroom.JoinCodes;
import io.labdeck.classroom.Seat;
import io.labdeck.classroom.events.EventLog;
import io.labdeck.classroom.store.ClassStore;
import io.labdeck.classroom.store.EventStore;
import io.labdeck.lab.LabService;
import io.labdeck.session.ExtensionLimitException;
import io.labdeck.session.InvalidRequestException;
import io.labdeck.session.LabSession;
import io.labdeck.session.SessionIds;
import io.labdeck.session.lifecycle.SessionTime;
import io.labdeck.session.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** Makes classes, and does what an instructor does to all of a class at once: close it, extend everyone. */
@ApplicationScoped
public class ClassService {

    private final ClassStore classes;
    private final SessionStore sessions;
    private final SessionTime time;
    private final LabService labs;
    private final ClassAccess access;
    private final EventLog events;
    private final EventStore log;
    private final ClassroomConfig config;
    private final Clock clock;

    public ClassService(ClassStore classes, SessionStore sessions, SessionTime time, LabService labs,
            ClassAccess access, EventLog events, EventStore log, ClassroomConfig config, Clock clock) {
        this.classes = classes;
        this.sessions = sessions;
        this.time = time;
        this.labs = labs;
        this.access = access;
        this.events = events;
        this.log = log;
        this.config = config;
        this.clock = clock;
    }

    /** What a new class asks for. */
    public record NewClass(String name, String labId, String lang, Optional<Instant> startsAt,
            Optional<Instant> endsAt, Optional<Integer> seats) {
    }

    /** One learner's new expiry, or why it could not be extended. */
    public record Extension(String sessionId, Instant expiresAt, boolean extended, String message) {
    }

    /**
     * Makes a class with a fresh join code.
     *
     * @throws InvalidRequestException when a part will not do (the lab and language are checked as for a session)
     */
    public Classroom create(String instructor, NewClass n) {
        String name = n.name() == null ? "" : n.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidRequestException("A class needs a name of 1 to 200 characters.");
        }
        labs.lab(n.labId(), n.lang());
        Instant now = clock.instant();
        if (n.seats().isPresent() && (n.seats().get() < 1 || n.seats().get() > config.maxSeats())) {
            throw new InvalidRequestException("seats is from 1 to " + config.maxSeats()
                    + ", or left out for no limit.");
        }
        if (n.endsAt().isPresent() && !n.endsAt().get().isAfter(n.startsAt().orElse(now))) {
            throw new InvalidRequestException("endsAt must come after " + (n.startsAt().isPresent() ? "startsAt"
                    : "now") + ".");
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            Classroom c = new Classroom(SessionIds.next(), name, n.labId(), n.lang(), JoinCodes.next(), instructor,
                    n.seats(), n.startsAt(), n.endsAt(), Optional.empty(), now);
            if (classes.insert(c)) {
                record("class.created", c, Map.of("name", name, "instructor", instructor));
                return c;
            }
        }
        throw new IllegalStateException("no free join code after 20 draws");
    }

    public List<Classroom> mine(String instructor) {
        return classes.ofInstructor(instructor);
    }

    /** The instructor's class (403 for another's). */
    public Classroom get(String classId, String instructor) {
        return access.owned(classId, instructor);
    }

    /** The class's events after the one numbered {@code after}, oldest first. */
    public List<ClassEvent> events(String classId, String instructor, long after, int limit) {
        return log.ofClass(access.owned(classId, instructor).id(), after, limit);
    }

    /**
     * Closes the class to joins now; its sessions end at {@code at} (now when absent or past).
     */
    public Classroom close(String classId, String instructor, Optional<Instant> at) {
        Classroom c = access.owned(classId, instructor);
        Instant now = clock.instant();
        Instant end = at.filter(a -> a.isAfter(now)).orElse(now);
        Classroom closed = classes.update(c.closed(now, end));
        for (LabSession s : liveSessions(c)) {
            time.endAt(s, end);
        }
        record("class.closed", closed, Map.of("by", instructor, "sessionsEndAt", end.toString()));
        return closed;
    }

    /** Extends every live session of the class by {@code by}, each up to the longest lifetime. */
    public List<Extension> extendAll(String classId, String instructor, Duration by) {
        return liveSessions(access.owned(classId, instructor)).stream().map(s -> extend(s, by, instructor)).toList();
    }

    /** Extends one learner's session. */
    public Extension extendOne(String classId, String sessionId, String instructor, Duration by) {
        Extension e = extend(access.learner(access.owned(classId, instructor), sessionId), by, instructor);
        if (!e.extended()) {
            throw new ExtensionLimitException(e.message());
        }
        return e;
    }

    private Extension extend(LabSession s, Duration by, String instructor) {
        try {
            LabSession extended = time.extendBy(s, by, instructor);
            return new Extension(s.id(), extended.expiresAt(), true, "");
        } catch (ExtensionLimitException e) {
            return new Extension(s.id(), s.expiresAt(), false, e.getMessage());
        }
    }

    private List<LabSession> liveSessions(Classroom c) {
        return classes.learners(c.id()).stream().map(Seat::sessionId).map(sessions::find).flatMap(Optional::stream)
                .filter(s -> s.state().live()).toList();
    }

    private void record(String event, Classroom c, Map<String, Object> data) {
        events.record(new ClassEvent(0, event, clock.instant(), Optional.of(c.id()), Optional.empty(),
                Optional.of(c.labId()), Optional.empty(), data));
    }
}
