package io.labdeck.classroom;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A class: one lab in one language that an instructor runs for learners who join with its code.
 *
 * @param id         short random id
 * @param name       what the instructor called it
 * @param labId      the lab
 * @param lang       the language its learners read
 * @param joinCode   what learners type to join (see {@link JoinCodes})
 * @param instructor the instructor who made it, the only one who may see and change it
 * @param seats      the most learners that may join, if limited
 * @param startsAt   joins are refused before this, if given
 * @param endsAt     joins are refused from this on, and its sessions end then, if given
 * @param closedAt   when the instructor closed it
 * @param createdAt  when it was made
 */
public record Classroom(String id, String name, String labId, String lang, String joinCode, String instructor,
        Optional<Integer> seats, Optional<Instant> startsAt, Optional<Instant> endsAt, Optional<Instant> closedAt,
        Instant createdAt) {

    /** Where a class is for learners who want to join. */
    public enum State {
        SCHEDULED, OPEN, CLOSED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public State state(Instant now) {
        if (closedAt.isPresent() || endsAt.filter(e -> !e.isAfter(now)).isPresent()) {
            return State.CLOSED;
        }
        return startsAt.filter(s -> s.isAfter(now)).isPresent() ? State.SCHEDULED : State.OPEN;
    }

    /** The class closed at {@code at}, its sessions ending at {@code endsAt}. */
    public Classroom closed(Instant at, Instant end) {
        return new Classroom(id, name, labId, lang, joinCode, instructor, seats, startsAt, Optional.of(end),
                Optional.of(at), createdAt);
    }
}
