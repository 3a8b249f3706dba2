package io.labdeck.session.progress;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.labdeck.check.CheckResult;
import io.labdeck.session.LabSession;
import io.labdeck.session.SessionEvent;
import io.labdeck.session.StepStatus;
import io.labdeck.session.StoredCheck;
import io.labdeck.session.store.SessionStore;

/**
 * What a check's result leaves behind: the metric, the stored result and the step's new status, the event that
 * pushes a change to the session's pages, and a {@link SessionEvent} for each stored result. Called from the
 * session's lane only ({@link ProgressService}).
 */
@ApplicationScoped
class CheckRecorder {

    private final SessionStore store;
    private final Clock clock;
    private final Event<StepChecked> events;
    private final Event<SessionEvent> log;
    private final CheckMetrics metrics;

    CheckRecorder(SessionStore store, Clock clock, Event<StepChecked> events, Event<SessionEvent> log,
            CheckMetrics metrics) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.log = log;
        this.metrics = metrics;
    }

    /**
     * Stores a result. What is kept: every check someone asked for (the button, a solve), and of the background
     * checks only those that changed the step's status; the step's last result is always on its progress row. A
     * terminal left open for hours runs thousands of background checks, and they would otherwise pile up.
     */
    StepStatus record(LabSession session, StepGate.Gate gate, CheckResult result, ProgressService.Trigger trigger) {
        Instant now = clock.instant();
        String outcome = result.outcome().name().toLowerCase(java.util.Locale.ROOT);
        metrics.checked(outcome, trigger.word(), result.elapsed());
        StepStatus before = gate.progress().status();
        StepStatus after = result.passed() ? StepStatus.PASSED
                : trigger == ProgressService.Trigger.AUTO && before != StepStatus.FAILED ? before : StepStatus.FAILED;
        if (trigger != ProgressService.Trigger.AUTO || after != before) {
            store.saveCheck(session.id(), new StoredCheck(result.stepId(), result.passed(), outcome, trigger.word(),
                    result.message(), result.elapsed(), now));
            store.saveProgress(session.id(), gate.progress().checked(after, result.message(), now));
            log.fireAsync(new SessionEvent(result.passed() ? SessionEvent.Kind.STEP_PASSED
                    : SessionEvent.Kind.STEP_FAILED, session.id(), session.labId(),
                    Optional.of(result.stepId()), now, Map.of("trigger", trigger.word(),
                            "outcome", outcome, "status", after.word())));
        }
        if (after != before) {
            events.fireAsync(new StepChecked(session.id(), session.labId(), result.stepId(), after, result.message(),
                    result.hint(), now));
        }
        return after;
    }
}
