package io.labdeck.session.store;

import io.labdeck.session.StepProgress;
import io.labdeck.session.StepStatus;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The stored form of a {@link StepProgress}. */
@Entity
@Table(name = "step_progress")
@IdClass(StepProgressEntity.Key.class)
class StepProgressEntity {

    @Id
    @Column(name = "session_id")
    String sessionId;
    @Id
    @Column(name = "step_id")
    String stepId;
    @Enumerated(EnumType.STRING)
    StepStatus status;
    String message;
    @Column(name = "checked_at")
    Instant checkedAt;
    @Column(name = "setup_at")
    Instant setupAt;
    @Column(name = "setup_error")
    String setupError;

    StepProgress toRecord() {
        return new StepProgress(stepId, status, message, Optional.ofNullable(checkedAt), Optional.ofNullable(setupAt),
                Optional.ofNullable(setupError));
    }

    static StepProgressEntity of(String sessionId, StepProgress step) {
        StepProgressEntity e = new StepProgressEntity();
        e.sessionId = sessionId;
        e.stepId = step.stepId();
        e.status = step.status();
        e.message = cap(step.message());
        e.checkedAt = step.checkedAt().orElse(null);
        e.setupAt = step.setupAt().orElse(null);
        e.setupError = step.setupError().map(StepProgressEntity::cap).orElse(null);
        return e;
    }

    private static String cap(String text) {
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public String sessionId;
        public String stepId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sessionId, k.sessionId) && Objects.equals(stepId, k.stepId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, stepId);
        }
    }
}
