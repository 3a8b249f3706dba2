package io.labdeck.classroom.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.classroom.ClassEvent;
import io.labdeck.classroom.Classroom;
import io.labdeck.classroom.events.EventLog;
import io.labdeck.classroom.store.ClassStore;
import io.labdeck.session.InvalidRequestException;
import io.labdeck.terminal.ControlMessage;
import io.labdeck.terminal.TerminalService;

/**
 * A short message from the instructor to every learner of the class, shown on their lab pages: pushed on each
 * open terminal (never waiting on one), and recorded as a {@code class.broadcast} event.
 */
@ApplicationScoped
public class Broadcasts {

    /** What fits a banner on a laptop screen. */
    static final int MAX_CHARS = 500;

    private final ClassStore classes;
    private final TerminalService terminals;
    private final EventLog events;
    private final Clock clock;

    public Broadcasts(ClassStore classes, TerminalService terminals, EventLog events, Clock clock) {
        this.classes = classes;
        this.terminals = terminals;
        this.events = events;
        this.clock = clock;
    }

    /** Sends the text to the class's learners; answers how many terminals were open to take it. */
    public int send(Classroom c, String text) {
        String message = text == null ? "" : text.strip();
        if (message.isEmpty() || message.codePointCount(0, message.length()) > MAX_CHARS) {
            throw new InvalidRequestException("A broadcast is 1 to " + MAX_CHARS + " characters.");
        }
        Instant now = clock.instant();
        ControlMessage.Broadcast broadcast = new ControlMessage.Broadcast(message, now);
        int open = 0;
        for (var seat : classes.learners(c.id())) {
            if (terminals.attached().contains(seat.sessionId())) {
                open++;
            }
            terminals.push(seat.sessionId(), broadcast);
        }
        events.record(new ClassEvent(0, "class.broadcast", now, Optional.of(c.id()), Optional.empty(),
                Optional.of(c.labId()), Optional.empty(), Map.of("text", message, "terminals", open)));
        return open;
    }
}
