package io.labdeck.classroom.service;

import io.labdeck.classroom.ClassEvent;
import io.labdeck.classroom.ClassNotFoundException;
import io.labdeck.classroom.Classroom;
import io.labdeck.classroom.JoinCodes;
import io.labdeck.classroom.Joinable;
import io.labdeck.classroom.Seat;
import io.labdeck.classroom.events.EventLog;
import io.labdeck.classroom.store.ClassStore;
import io.labdeck.lab.Lab;
import io.labdeck.lab.LabService;
import io.labdeck.session.InvalidRequestException;
import io.labdeck.session.LabSession;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionIds;
import io.labdeck.session.lifecycle.SessionService;
import io.labdeck.session.store.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A learner joins a class with its code and a display name, and gets a session of the class's lab, or the live one
 * this browser already has in it. Class sessions count toward the capacity, not toward the browser's quota. Each
 * learner may read the lab in a language of their own among those the lab has (a Korean learner in a class held in
 * Japanese, say); the class's language is the default. A resumed session keeps the language it began in.
 */
@ApplicationScoped
public class JoinService {

    private final ClassStore classes;
    private final SessionStore sessions;
    private final SessionService starter;
    private final EventLog events;
    private final LabService labs;
    private final Clock clock;

    public JoinService(ClassStore classes, SessionStore sessions, SessionService starter, EventLog events,
            LabService labs, Clock clock) {
        this.classes = classes;
        this.labs = labs;
        this.sessions = sessions;
        this.starter = starter;
        this.events = events;
        this.clock = clock;
    }

    /** The learner's session in the class, and whether it was one they had already. */
    public record Joined(Classroom classroom, LabSession session, boolean resumed) {
    }

    /** What a join page shows before the join: the class, its lab and the languages a learner may choose. */
    public record Door(Classroom classroom, Lab lab) {
    }

    public Door door(String joinCode) {
        Classroom c = byCode(joinCode);
        return new Door(c, labs.lab(c.labId()));
    }

    /**
     * @param lang the language the learner asks for; empty for the class's
     */
    public Joined join(String joinCode, String displayName, Optional<String> lang, OwnerToken owner,
            String clientAddress) {
        String name = DisplayNames.clean(displayName);
        Classroom c = byCode(joinCode);
        String chosen = language(c, lang);
        Optional<LabSession> live = classes.latestSeat(c.id(), owner.hash()).flatMap(s -> sessions.find(s.sessionId()))
                .filter(s -> s.state().live());
        if (live.isPresent()) {
            record(c, live.get(), name, true);
            return new Joined(c, live.get(), true); // even in a closed class: its sessions end at their time
        }
        Instant now = clock.instant();
        Joinable.check(c, now);
        String sessionId = SessionIds.next();
        classes.takeSeat(new Seat(sessionId, c.id(), owner.hash(), name, now), now);
        LabSession session;
        try {
            session = starter.startSeat(sessionId, c.labId(), chosen, owner, clientAddress, c.endsAt());
        } catch (RuntimeException e) {
            if (sessions.find(sessionId).isEmpty()) {
                classes.releaseSeat(sessionId); // refused before it began (capacity, rate): the seat is free again
            }
            throw e;
        }
        record(c, session, name, false);
        return new Joined(c, session, false);
    }

    private Classroom byCode(String joinCode) {
        String code = JoinCodes.normalize(joinCode);
        if (!JoinCodes.wellFormed(code)) {
            throw new InvalidRequestException("A join code has six letters and digits, as the instructor shows it.");
        }
        return classes.byJoinCode(code).orElseThrow(() -> new ClassNotFoundException("No class has the join"
                + " code '" + code + "'; check it with your instructor."));
    }

    private String language(Classroom c, Optional<String> asked) {
        if (asked.isEmpty() || asked.get().isBlank()) {
            return c.lang();
        }
        List<String> offered = labs.lab(c.labId()).languages();
        String lang = asked.get().strip();
        if (!offered.contains(lang)) {
            throw new InvalidRequestException("The class's lab '" + c.labId() + "' has no text in '" + lang
                    + "'; choose one of " + String.join(", ", offered) + ".");
        }
        return lang;
    }

    private void record(Classroom c, LabSession s, String name, boolean resumed) {
        events.record(new ClassEvent(0, "class.joined", clock.instant(), Optional.of(c.id()), Optional.of(s.id()),
                Optional.of(c.labId()), Optional.empty(), Map.of("displayName", name, "resumed", resumed,
                        "lang", s.lang())));
    }
}
