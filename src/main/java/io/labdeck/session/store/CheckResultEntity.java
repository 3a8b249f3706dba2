package io.labdeck.session.store;

import io.labdeck.session.StoredCheck;
import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored form of a {@link StoredCheck}. */
@Entity
@Table(name = "check_result")
class CheckResultEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "session_id")
    String sessionId;
    @Column(name = "step_id")
    String stepId;
    boolean passed;
    String outcome;
    @Column(name = "trigger_by")
    String trigger;
    String message;
    @Column(name = "elapsed_ms")
    long elapsedMs;
    @Column(name = "checked_at")
    Instant checkedAt;

    static CheckResultEntity of(String sessionId, StoredCheck c) {
        CheckResultEntity e = new CheckResultEntity();
        e.sessionId = sessionId;
        e.stepId = c.stepId();
        e.passed = c.passed();
        e.outcome = c.outcome();
        e.trigger = c.trigger();
        e.message = c.message().length() > 4000 ? c.message().substring(0, 4000) : c.message();
        e.elapsedMs = c.elapsed().toMillis();
        e.checkedAt = c.checkedAt();
        return e;
    }

    StoredCheck toRecord() {
        return new StoredCheck(stepId, passed, outcome, trigger, message, Duration.ofMillis(elapsedMs), checkedAt);
    }
}
