package io.labdeck.classroom.service;

import io.labdeck.classroom.HelpRequest;
import io.labdeck.classroom.Seat;
import io.labdeck.session.LabSession;
import io.labdeck.session.StepStatus;
import io.labdeck.session.StoredCheck;
import io.labdeck.session.progress.StepGate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One learner's row of a class's grid, worked out from what is stored: their steps, the step they are on and since
 * when, their failed checks, and whether they are stuck (no pass for a while, or repeated fails of that step).
 */
public final class LearnerReport {

    private LearnerReport() {
    }

    /** When a learner counts as stuck. */
    public record Stuck(Duration after, int fails) {
    }

    /**
     * A learner's row.
     *
     * @param lang          the language the learner reads the lab in (chosen at the join; the class's by default)
     * @param steps         every step: its status (pending, passed, failed, blocked), when it passed, its fails
     * @param currentStep   the first open step with a check that has not passed; null once all have
     * @param onStepSince   since when they are on it: their last pass, else the start of their session
     * @param secondsOnStep how long that is
     * @param lastActivity  their browser's last sign of life or their last check, whichever came later
     * @param failedChecks  failed checks of all steps
     * @param stuck         whether they need a look: no pass for too long, or too many fails of the current step
     * @param stuckReason   {@code no-pass} or {@code repeated-fails}, when stuck
     * @param help          their raised hand, if any
     */
    public record Learner(String sessionId, String displayName, String lang, String status, Instant joinedAt, Instant expiresAt,
            List<Cell> steps, String currentStep, Instant onStepSince, Long secondsOnStep, Instant lastActivity,
            int failedChecks, boolean stuck, String stuckReason, boolean completed, Instant completedAt,
            Hand help) {
    }

    /** A step of a learner's row. */
    public record Cell(String id, String status, Instant passedAt, int failedChecks) {
    }

    /** A raised hand as the grid shows it. */
    public record Hand(long id, String stepId, String message, Instant raisedAt) {

        static Hand of(HelpRequest h) {
            return new Hand(h.id(), h.stepId().orElse(null), h.message(), h.raisedAt());
        }
    }

    public static Learner of(Seat seat, LabSession s, Map<String, StepGate.Gate> gates, List<StoredCheck> checks,
            Optional<HelpRequest> help, Instant now, Stuck rule) {
        List<Cell> cells = gates.values().stream().map(g -> new Cell(g.step().id(), g.status().word(),
                passedAt(g).orElse(null), fails(checks, g.step().id()))).toList();
        Optional<String> current = currentStep(gates.values());
        boolean completed = StepGate.complete(gates);
        Instant since = gates.values().stream().map(LearnerReport::passedAt).flatMap(Optional::stream)
                .max(Comparator.naturalOrder()).orElse(s.createdAt());
        Instant lastCheck = checks.stream().map(StoredCheck::checkedAt).max(Comparator.naturalOrder())
                .orElse(s.lastSeenAt());
        Instant lastActivity = lastCheck.isAfter(s.lastSeenAt()) ? lastCheck : s.lastSeenAt();
        String reason = null;
        if (current.isPresent() && s.state().live()) {
            if (fails(checks, current.get()) >= rule.fails()) {
                reason = "repeated-fails";
            } else if (!since.plus(rule.after()).isAfter(now)) {
                reason = "no-pass";
            }
        }
        return new Learner(s.id(), seat.displayName(), s.lang(), s.state().word(), seat.joinedAt(), s.expiresAt(), cells,
                current.orElse(null), current.isPresent() ? since : null,
                current.isPresent() ? Math.max(0, Duration.between(since, now).toSeconds()) : null, lastActivity,
                (int) checks.stream().filter(c -> !c.passed()).count(), reason != null, reason, completed,
                completed ? since : null, help.map(Hand::of).orElse(null));
    }

    /** The step a learner is on: the first open one with a check not yet passed, else the first not passed. */
    public static Optional<String> currentStep(Collection<StepGate.Gate> gates) {
        List<StepGate.Gate> unpassed = gates.stream().filter(g -> g.step().hasCheck())
                .filter(g -> g.status() != StepStatus.PASSED).toList();
        return unpassed.stream().filter(StepGate.Gate::open).findFirst().or(() -> unpassed.stream().findFirst())
                .map(g -> g.step().id());
    }

    private static Optional<Instant> passedAt(StepGate.Gate g) {
        return g.progress().status() == StepStatus.PASSED ? g.progress().checkedAt() : Optional.empty();
    }

    private static int fails(List<StoredCheck> checks, String stepId) {
        return (int) checks.stream().filter(c -> !c.passed() && Objects.equals(c.stepId(), stepId)).count();
    }
}
