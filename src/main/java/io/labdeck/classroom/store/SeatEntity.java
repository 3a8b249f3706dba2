package io.labdeck.classroom.store;

import io.labdeck.classroom.Seat;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored form of a {@link Seat}. */
@Entity
@Table(name = "class_seat")
class SeatEntity {

    @Id
    @Column(name = "session_id")
    String sessionId;
    @Column(name = "class_id")
    String classId;
    @Column(name = "owner_hash")
    String ownerHash;
    @Column(name = "display_name")
    String displayName;
    @Column(name = "joined_at")
    Instant joinedAt;

    static SeatEntity of(Seat s) {
        SeatEntity e = new SeatEntity();
        e.sessionId = s.sessionId();
        e.classId = s.classId();
        e.ownerHash = s.ownerHash();
        e.displayName = s.displayName();
        e.joinedAt = s.joinedAt();
        return e;
    }

    Seat toRecord() {
        return new Seat(sessionId, classId, ownerHash, displayName, joinedAt);
    }
}
