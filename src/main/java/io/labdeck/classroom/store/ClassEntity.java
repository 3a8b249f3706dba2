package io.labdeck.classroom.store;

import io.labdeck.classroom.Classroom;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored form of a {@link Classroom}; only {@link ClassStore} touches it. */
@Entity
@Table(name = "lab_class")
class ClassEntity {

    @Id
    String id;
    String name;
    @Column(name = "lab_id")
    String labId;
    String lang;
    @Column(name = "join_code")
    String joinCode;
    String instructor;
    Integer seats;
    @Column(name = "starts_at")
    Instant startsAt;
    @Column(name = "ends_at")
    Instant endsAt;
    @Column(name = "closed_at")
    Instant closedAt;
    @Column(name = "created_at")
    Instant createdAt;

    static ClassEntity of(Classroom c) {
        ClassEntity e = new ClassEntity();
        e.id = c.id();
        e.update(c);
        return e;
    }

    void update(Classroom c) {
        name = c.name();
        labId = c.labId();
        lang = c.lang();
        joinCode = c.joinCode();
        instructor = c.instructor();
        seats = c.seats().orElse(null);
        startsAt = c.startsAt().orElse(null);
        endsAt = c.endsAt().orElse(null);
        closedAt = c.closedAt().orElse(null);
        createdAt = c.createdAt();
    }

    Classroom toRecord() {
        return new Classroom(id, name, labId, lang, joinCode, instructor, Optional.ofNullable(seats),
                Optional.ofNullable(startsAt), Optional.ofNullable(endsAt), Optional.ofNullable(closedAt), createdAt);
    }
}
