package io.labdeck.session;

import java.time.Instant;
import java.util.Optional;

/**
 * A learner's session: one lab in one language, with a sandbox of its own.
 *
 * @param id         short random id; also labels the sandbox
 * @param labId      the lab
 * @param lang       the language the learner reads
 * @param ownerHash  SHA-256 of the owner's cookie token
 * @param state      where the session is in its life
 * @param createdAt  when it was asked for
 * @param expiresAt  when it ends unless extended
 * @param lastSeenAt when its browser was last heard from
 * @param sandboxId  the backend's id for its sandbox, once created
 */
public record LabSession(String id, String labId, String lang, String ownerHash, SessionState state,
        Instant createdAt, Instant expiresAt, Instant lastSeenAt, Optional<String> sandboxId) {

    /** The same session in another state. */
    public LabSession withState(SessionState newState) {
        return new LabSession(id, labId, lang, ownerHash, newState, createdAt, expiresAt, lastSeenAt, sandboxId);
    }

    /** The same session with another expiry, used at {@code seen}. */
    public LabSession expiringAt(Instant newExpiry, Instant seen) {
        return new LabSession(id, labId, lang, ownerHash, state, createdAt, newExpiry, seen, sandboxId);
    }
}
