package io.labdeck.classroom.store;

import io.labdeck.classroom.HelpRequest;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored form of a {@link HelpRequest}. */
@Entity
@Table(name = "help_request")
class HelpEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "class_id")
    String classId;
    @Column(name = "session_id")
    String sessionId;
    @Column(name = "step_id")
    String stepId;
    String message;
    @Column(name = "raised_at")
    Instant raisedAt;
    @Column(name = "answered_at")
    Instant answeredAt;
    @Column(name = "answered_by")
    String answeredBy;

    HelpRequest toRecord() {
        return new HelpRequest(id, classId, sessionId, Optional.ofNullable(stepId), message, raisedAt,
                Optional.ofNullable(answeredAt), Optional.ofNullable(answeredBy));
    }
}
