package io.labdeck.session.progress;

import io.labdeck.session.LabSession;
import io.labdeck.session.SessionNotReadyException;
import io.labdeck.session.SessionState;
import io.labdeck.session.StepBlockedException;
import io.labdeck.session.StepNotFoundException;
import io.labdeck.session.StepProgress;
import io.labdeck.session.StepStatus;
import io.labdeck.session.store.SessionStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.labdeck.check.CheckResult;
import io.labdeck.check.CheckRunner;
import io.labdeck.lab.CheckSpec;
import io.labdeck.lab.Lab;
import io.labdeck.lab.LabService;
import io.labdeck.lab.Step;
import io.labdeck.platform.Lanes;
import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxRef;

/**
 * Checks steps, has {@link CheckRecorder} store their results, and opens the steps that follow. A status change
 * fires {@link StepChecked} (asynchronously: pushing it to a page never holds up a check). A background check that
 * fails leaves a pending step pending: the learner has not asked yet, so it is no failure.
 *
 * <p>All of one session's progress work (checks, background rounds, step setups, solves) runs in that session's own
 * serial lane, one piece at a time: each reads the stored progress when it starts and writes it back before the next
 * starts, so a check can never write back a snapshot that a setup changed meanwhile, and a step's setup never runs
 * twice. After the session ends ({@link #close}) nothing more runs for it.
 */
@ApplicationScoped
public class ProgressService {

    private static final Logger LOG = Logger.getLogger(ProgressService.class);

    /** Who asked for a check. */
    public enum Trigger {
        BUTTON, AUTO, SOLVE;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final LabService labs;
    private final SessionStore store;
    private final CheckRunner runner;
    private final SandboxConfig sandboxConfig;
    private final Clock clock;
    private final Event<StepSetUp> setups;
    private final CheckRecorder recorder;

    /** How long a caller waits for its turn and its work together; a lane runs at most a few checks ahead of it. */
    private static final long WAIT_SECONDS = 300;

    private final Lanes lanes = new Lanes("progress");

    public ProgressService(LabService labs, SessionStore store, CheckRunner runner, SandboxConfig sandboxConfig,
            Clock clock, Event<StepSetUp> setups, CheckRecorder recorder) {
        this.labs = labs;
        this.store = store;
        this.runner = runner;
        this.sandboxConfig = sandboxConfig;
        this.clock = clock;
        this.setups = setups;
        this.recorder = recorder;
    }

    /** Checks one step (after the session's work queued before it) and returns the result. */
    public CheckOutcome check(LabSession session, String stepId, Trigger trigger) {
        return inLane(session, () -> checkNow(session, stepId, trigger));
    }

    private CheckOutcome checkNow(LabSession session, String stepId, Trigger trigger) {
        SandboxRef sandbox = sandbox(session);
        StepGate.Gate gate = checkable(session, gates(session), stepId);
        CheckResult result = runner.check(sandbox, gate.step().check().orElseThrow(), session.lang());
        StepStatus status = recorder.record(session, gate, result, trigger);
        // A step that did not pass has a check that has not passed: the lab cannot be complete.
        boolean completed = result.passed() && StepGate.complete(openStepsNow(session));
        return new CheckOutcome(result.passed(), result.message(), result.hint().orElse(null), status.word(),
                completed);
    }

    /**
     * The background check: the open steps that have not passed, in order, at most {@code limit} of them. A pass
     * can open the next step, which is then checked in the same round.
     */
    public void autoCheck(LabSession session, int limit) {
        if (session.state() != SessionState.READY || session.sandboxId().isEmpty()) {
            return;
        }
        if (lanes.isClosed(session.id())) {
            return; // it ended since the round was planned
        }
        inLane(session, () -> {
            autoCheckNow(session, limit);
            return null;
        });
    }

    private void autoCheckNow(LabSession session, int limit) {
        java.util.Set<String> tried = new java.util.HashSet<>();
        Map<String, StepGate.Gate> gates = gates(session);
        for (int round = 0; round < limit; round++) {
            Optional<StepGate.Gate> next = gates.values().stream()
                    .filter(g -> g.checkable() && !tried.contains(g.step().id())).findFirst();
            if (next.isEmpty()) {
                return;
            }
            StepGate.Gate gate = next.get();
            tried.add(gate.step().id());
            CheckResult result = runner.check(sandbox(session), gate.step().check().orElseThrow(), session.lang());
            recorder.record(session, gate, result, Trigger.AUTO);
            if (result.passed()) {
                gates = openStepsNow(session);
            }
        }
    }

    /** Authoring: runs the step's solve, then its check. */
    public CheckOutcome solve(LabSession session, String stepId) {
        return inLane(session, () -> solveNow(session, stepId));
    }

    private CheckOutcome solveNow(LabSession session, String stepId) {
        SandboxRef sandbox = sandbox(session);
        StepGate.Gate gate = checkable(session, gates(session), stepId);
        CheckSpec spec = gate.step().check().orElseThrow();
        if (spec.solve().isEmpty()) {
            throw new StepNotFoundException("Step '" + stepId + "' has no solve script.");
        }
        CheckRunner.ScriptResult solved = runner.script(sandbox, spec.solve().get(), spec.timeout());
        if (!solved.succeeded()) {
            return new CheckOutcome(false, "The solve script failed (exit " + solved.exitCode() + "): "
                    + solved.message(), null, gate.status().word(), false);
        }
        return checkNow(session, stepId, Trigger.SOLVE);
    }

    /**
     * Runs the setup of every open step whose setup has not run yet (a step's setup runs once, when it opens).
     * A failure is stored on the step for the learner to see and retry; it does not stop the session.
     *
     * @return every step as it is afterwards
     */
    public Map<String, StepGate.Gate> openSteps(LabSession session) {
        return inLane(session, () -> openStepsNow(session));
    }

    private Map<String, StepGate.Gate> openStepsNow(LabSession session) {
        Map<String, StepGate.Gate> gates = gates(session);
        boolean ran = false;
        for (StepGate.Gate gate : gates.values()) {
            Optional<String> setup = gate.step().check().flatMap(CheckSpec::setup).filter(s -> !s.isBlank());
            if (gate.open() && setup.isPresent() && gate.progress().setupAt().isEmpty()
                    && gate.progress().setupError().isEmpty()) {
                runSetup(session, gate, setup.get());
                ran = true;
            }
        }
        return ran ? gates(session) : gates;
    }

    /** Runs a step's setup again, after it failed; answers whether it succeeded now and why not. */
    public CheckRunner.ScriptResult retrySetup(LabSession session, String stepId) {
        return inLane(session, () -> retrySetupNow(session, stepId));
    }

    private CheckRunner.ScriptResult retrySetupNow(LabSession session, String stepId) {
        StepGate.Gate gate = gate(session, gates(session), stepId);
        String setup = gate.step().check().flatMap(CheckSpec::setup).filter(s -> !s.isBlank())
                .orElseThrow(() -> new StepNotFoundException("Step '" + stepId + "' has no setup."));
        if (!gate.open()) {
            throw new StepBlockedException(stepId, gate.waitingFor());
        }
        return runSetup(session, gate, setup);
    }

    /** Every step of the session's lab as the learner sees it now. */
    public Map<String, StepGate.Gate> gates(LabSession session) {
        Lab lab = labs.lab(session.labId());
        List<Step> steps = lab.document(session.lang()).orElseThrow().steps();
        Map<String, StepProgress> stored = store.progress(session.id()).stream()
                .collect(Collectors.toMap(StepProgress::stepId, Function.identity()));
        return StepGate.evaluate(lab, steps, stored);
    }

    private CheckRunner.ScriptResult runSetup(LabSession session, StepGate.Gate gate, String setup) {
        CheckRunner.ScriptResult result = runner.script(sandbox(session), setup, sandboxConfig.setupTimeout());
        StepProgress p = gate.progress();
        if (result.succeeded()) {
            store.saveProgress(session.id(), p.setUp(clock.instant()));
            setups.fireAsync(new StepSetUp(session.id(), gate.step().id(), true, ""));
        } else {
            String why = result.timedOut()
                    ? "The step's setup did not finish within " + sandboxConfig.setupTimeout().toSeconds() + " s."
                    : "The step's setup failed (exit " + result.exitCode() + "): " + result.message();
            LOG.warnf("session %s step %s: %s", session.id(), gate.step().id(), why);
            store.saveProgress(session.id(), p.setupFailed(why));
            setups.fireAsync(new StepSetUp(session.id(), gate.step().id(), false, why));
        }
        return result;
    }

    /**
     * Gives the session a fresh sandbox between two pieces of its work: {@code replace} makes it and answers the
     * session with it. Progress is kept; the setups of the open steps run again in the new sandbox.
     */
    public LabSession replaceSandbox(LabSession session, java.util.function.Supplier<LabSession> replace) {
        return inLane(session, () -> {
            LabSession fresh = replace.get();
            store.clearSetups(fresh.id());
            openStepsNow(fresh);
            return fresh;
        });
    }

    /** Ends the session's progress work: what is queued finishes, nothing more starts. */
    public void close(String sessionId) {
        lanes.close(sessionId);
    }

    @jakarta.annotation.PreDestroy
    void shutdown() {
        lanes.shutdown();
    }

    private <T> T inLane(LabSession session, java.util.concurrent.Callable<T> work) {
        try {
            return lanes.submit(session.id(), work).get(WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Lanes.ClosedException) {
                throw new SessionNotReadyException("This session has ended; start the lab again to go on.");
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new SessionNotReadyException("This session is busy with earlier checks; try again in a moment.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionNotReadyException("Interrupted.");
        }
    }

    private StepGate.Gate checkable(LabSession session, Map<String, StepGate.Gate> gates, String stepId) {
        StepGate.Gate gate = gate(session, gates, stepId);
        if (!gate.step().hasCheck()) {
            throw new StepNotFoundException("Step '" + stepId + "' has no check.");
        }
        if (!gate.open()) {
            throw new StepBlockedException(stepId, gate.waitingFor());
        }
        return gate;
    }

    private static StepGate.Gate gate(LabSession session, Map<String, StepGate.Gate> gates, String stepId) {
        StepGate.Gate gate = gates.get(stepId);
        if (gate == null) {
            throw new StepNotFoundException("The lab '" + session.labId() + "' has no step '" + stepId + "'; its steps are "
                    + String.join(", ", gates.keySet()) + ".");
        }
        return gate;
    }

    private static SandboxRef sandbox(LabSession session) {
        if (session.state() != SessionState.READY || session.sandboxId().isEmpty()) {
            throw new SessionNotReadyException("This session is " + session.state().word()
                    + "; checks need a running sandbox. Start the lab again to go on.");
        }
        return new SandboxRef(session.id(), session.sandboxId().get());
    }
}
