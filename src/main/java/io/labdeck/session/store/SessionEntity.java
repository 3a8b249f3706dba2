package io.labdeck.session.store;

import io.labdeck.session.LabSession;
import io.labdeck.session.SessionState;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored form of a {@link LabSession}; only {@link SessionStore} touches it. */
@Entity
@Table(name = "lab_session")
class SessionEntity {

    @Id
    String id;
    @Column(name = "lab_id")
    String labId;
    String lang;
    @Column(name = "owner_hash")
    String ownerHash;
    @Enumerated(EnumType.STRING)
    SessionState state;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "last_seen_at")
    Instant lastSeenAt;
    @Column(name = "sandbox_id")
    String sandboxId;
    /** Where the session was started from; set once, at the insert. */
    @Column(name = "client_address")
    String clientAddress;

    static SessionEntity of(LabSession s) {
        SessionEntity e = new SessionEntity();
        e.id = s.id();
        e.labId = s.labId();
        e.lang = s.lang();
        e.ownerHash = s.ownerHash();
        e.state = s.state();
        e.createdAt = s.createdAt();
        e.expiresAt = s.expiresAt();
        e.lastSeenAt = s.lastSeenAt();
        e.sandboxId = s.sandboxId().orElse(null);
        return e;
    }

    /** Takes the record's state, keeping what only the row has (the client's address). */
    void update(LabSession s) {
        labId = s.labId();
        lang = s.lang();
        ownerHash = s.ownerHash();
        state = s.state();
        createdAt = s.createdAt();
        expiresAt = s.expiresAt();
        lastSeenAt = s.lastSeenAt();
        sandboxId = s.sandboxId().orElse(null);
    }

    LabSession toRecord() {
        return new LabSession(id, labId, lang, ownerHash, state, createdAt, expiresAt, lastSeenAt,
                Optional.ofNullable(sandboxId));
    }
}
