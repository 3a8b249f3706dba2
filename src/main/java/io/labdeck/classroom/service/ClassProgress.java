package io.labdeck.classroom.service;

import io.labdeck.classroom.Classroom;
import io.labdeck.classroom.ClassroomConfig;
import io.labdeck.classroom.Seat;
import io.labdeck.classroom.store.ClassStore;
import io.labdeck.lab.LabService;
import io.labdeck.lab.Step;
import io.labdeck.session.LabSession;
import io.labdeck.session.progress.ProgressService;
import io.labdeck.session.store.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** A class's grid: learners × steps, who is stuck, raised hands; and the same as CSV. */
@ApplicationScoped
public class ClassProgress {

    private final ClassStore classes;
    private final SessionStore sessions;
    private final ProgressService progress;
    private final LabService labs;
    private final ClassAccess access;
    private final ClassroomConfig config;
    private final Clock clock;

    public ClassProgress(ClassStore classes, SessionStore sessions, ProgressService progress, LabService labs,
            ClassAccess access, ClassroomConfig config, Clock clock) {
        this.classes = classes;
        this.sessions = sessions;
        this.progress = progress;
        this.labs = labs;
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The grid.
     *
     * @param steps    each step of the lab: how many passed it, and who is stuck on it
     * @param learners each learner's row, in the order they joined
     */
    public record Grid(String classId, String name, String labId, String lang, String state, Instant at,
            List<StepSummary> steps, List<LearnerReport.Learner> learners) {
    }

    /** A step's column. */
    public record StepSummary(String id, String title, boolean hasCheck, int passed, List<String> stuck) {
    }

    /** The instructor's class's grid (403 for another's). */
    public Grid grid(String classId, String instructor) {
        return grid(access.owned(classId, instructor));
    }

    private Grid grid(Classroom c) {
        Instant now = clock.instant();
        LearnerReport.Stuck rule = new LearnerReport.Stuck(config.stuckAfter(), config.stuckFails());
        List<LearnerReport.Learner> learners = new ArrayList<>();
        for (Seat seat : classes.learners(c.id())) {
            Optional<LabSession> s = sessions.find(seat.sessionId());
            s.ifPresent(session -> learners.add(LearnerReport.of(seat, session, progress.gates(session),
                    sessions.checks(session.id()), classes.openHelp(session.id()), now, rule)));
        }
        List<Step> steps = labs.lab(c.labId()).document(c.lang()).orElseThrow().steps();
        List<StepSummary> columns = steps.stream().map(step -> new StepSummary(step.id(), step.title(),
                step.hasCheck(), (int) learners.stream().filter(l -> passed(l, step.id())).count(),
                learners.stream().filter(l -> l.stuck() && step.id().equals(l.currentStep()))
                        .map(LearnerReport.Learner::sessionId).toList())).toList();
        return new Grid(c.id(), c.name(), c.labId(), c.lang(), c.state(now).word(), now, columns, learners);
    }

    /**
     * The grid as CSV (RFC 4180): one row per learner, with when they joined and completed, their failed checks,
     * and per step the time it passed, or its status when it has not.
     */
    public String csv(String classId, String instructor) {
        Grid grid = grid(access.owned(classId, instructor));
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("display_name", "session_id", "status", "joined_at",
                "completed_at", "failed_checks", "current_step", "stuck", "lang"));
        grid.steps().forEach(s -> header.add(s.id()));
        Csv.row(out, header);
        for (LearnerReport.Learner l : grid.learners()) {
            List<String> row = new ArrayList<>(List.of(l.displayName(), l.sessionId(), l.status(),
                    l.joinedAt().toString(), l.completedAt() == null ? "" : l.completedAt().toString(),
                    Integer.toString(l.failedChecks()), l.currentStep() == null ? "" : l.currentStep(),
                    Boolean.toString(l.stuck()), l.lang()));
            l.steps().forEach(cell -> row.add(cell.passedAt() != null ? cell.passedAt().toString() : cell.status()));
            Csv.row(out, row);
        }
        return out.toString();
    }

    private static boolean passed(LearnerReport.Learner l, String stepId) {
        return l.steps().stream().anyMatch(cell -> cell.id().equals(stepId) && cell.passedAt() != null);
    }
}
