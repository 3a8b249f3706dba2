package io.labdeck.classroom;

import java.time.Instant;
import java.util.Optional;

/**
 * A raised hand: a learner asked for help, and it shows until an instructor answers it (or the learner lowers it).
 *
 * @param id         its number
 * @param classId    the class
 * @param sessionId  the learner's session
 * @param stepId     the step the learner was on, if any
 * @param message    what the learner wrote, possibly empty
 * @param raisedAt   when
 * @param answeredAt when it was answered or lowered
 * @param answeredBy who did: an instructor's name, or {@code learner}
 */
public record HelpRequest(long id, String classId, String sessionId, Optional<String> stepId, String message,
        Instant raisedAt, Optional<Instant> answeredAt, Optional<String> answeredBy) {

    public boolean open() {
        return answeredAt.isEmpty();
    }
}
