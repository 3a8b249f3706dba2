package io.labdeck.classroom.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored event envelope ({@link io.labdeck.classroom.ClassEvent}); its data is JSON text. */
@Entity
@Table(name = "class_event")
class EventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String event;
    @Column(name = "occurred_at")
    Instant occurredAt;
    @Column(name = "class_id")
    String classId;
    @Column(name = "session_id")
    String sessionId;
    @Column(name = "lab_id")
    String labId;
    @Column(name = "step_id")
    String stepId;
    String data;
}
