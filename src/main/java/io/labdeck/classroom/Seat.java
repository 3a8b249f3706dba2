package io.labdeck.classroom;

import java.time.Instant;

/**
 * A learner's place in a class: one session of it. A browser that joins again after its session ended gets a new
 * seat row, but it still counts as one learner against the class's seat limit.
 *
 * @param sessionId   the session (chosen before it starts, so that its events already know their class)
 * @param classId     the class
 * @param ownerHash   SHA-256 of the learner's owner cookie
 * @param displayName the name the learner gave
 * @param joinedAt    when they joined
 */
public record Seat(String sessionId, String classId, String ownerHash, String displayName, Instant joinedAt) {
}
