package io.labdeck.labtest;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.check.CheckResult;
import io.labdeck.check.CheckRunner;
import io.labdeck.lab.CheckSpec;
import io.labdeck.lab.Lab;
import io.labdeck.lab.LabDocument;
import io.labdeck.lab.Step;
import io.labdeck.labtest.LabTestRow.Phase;
import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxRef;

/**
 * Plays a learner through a lab's steps in one sandbox, in document order: its check must fail, its solve must
 * succeed and its check must then pass. Earlier solves prepare later steps, as a learner's work would. Each step's
 * setup runs when the step opens ({@link StepOpening}), as in a session.
 */
@ApplicationScoped
public class StepTester {

    private final CheckRunner runner;
    private final SandboxConfig sandboxConfig;

    public StepTester(CheckRunner runner, SandboxConfig sandboxConfig) {
        this.runner = runner;
        this.sandboxConfig = sandboxConfig;
    }

    /**
     * Tests every step of {@code doc}, the lab's text in one language, in {@code sandbox}, a row per phase; stops
     * before the next step once {@code interrupted} says so.
     */
    void test(Lab lab, LabDocument doc, SandboxRef sandbox, RowWriter rows, BooleanSupplier interrupted) {
        StepOpening opening = new StepOpening(lab.gated(), doc.steps());
        opening.enterOpen().forEach(step -> setUp(step, sandbox, rows));
        for (Step step : doc.steps()) {
            if (interrupted.getAsBoolean()) {
                return;
            }
            if (opening.enter(step)) {
                setUp(step, sandbox, rows);
            }
            Optional<CheckSpec> spec = step.check();
            if (step.hasCheck()) {
                if (exercise(step.id(), spec.orElseThrow(), doc.lang(), sandbox, rows)) {
                    opening.passed(step.id());
                    opening.enterOpen().forEach(next -> setUp(next, sandbox, rows));
                }
            } else {
                // A step without a check may still change what later steps find; its solve stands for the learner.
                spec.flatMap(CheckSpec::solve).filter(s -> !s.isBlank())
                        .ifPresent(solve -> script(sandbox, step.id(), Phase.SOLVE, solve, solveTimeout(spec.get()),
                                rows));
            }
        }
    }

    private void setUp(Step step, SandboxRef sandbox, RowWriter rows) {
        step.check().flatMap(CheckSpec::setup).filter(s -> !s.isBlank()).ifPresent(setup -> script(sandbox,
                step.id(), Phase.SETUP, setup, sandboxConfig.setupTimeout(), rows));
    }

    /** Fails before, solves, passes after; answers whether the check has passed (which opens later steps). */
    private boolean exercise(String stepId, CheckSpec spec, String lang, SandboxRef sandbox, RowWriter rows) {
        CheckResult before = runner.check(sandbox, spec, lang);
        if (before.outcome() == CheckResult.Outcome.FAILED) {
            rows.pass(stepId, Phase.FAILS_BEFORE_SOLVE, before.message());
        } else {
            rows.fail(stepId, Phase.FAILS_BEFORE_SOLVE, before.passed()
                    ? join("the check passed before the solve ran", before.message()) : before.message());
        }
        Optional<String> solve = spec.solve().filter(s -> !s.isBlank());
        if (solve.isEmpty()) {
            rows.fail(stepId, Phase.SOLVE, "no solve");
            return before.passed();
        }
        if (!script(sandbox, stepId, Phase.SOLVE, solve.get(), solveTimeout(spec), rows)) {
            return before.passed();
        }
        CheckResult after = runner.check(sandbox, spec, lang);
        if (after.passed()) {
            rows.pass(stepId, Phase.PASSES_AFTER_SOLVE, after.message().isBlank() ? "exit 0" : after.message());
        } else {
            rows.fail(stepId, Phase.PASSES_AFTER_SOLVE, after.message().isBlank()
                    ? "the check failed (" + after.outcome().name().toLowerCase(Locale.ROOT) + ")" : after.message());
        }
        return before.passed() || after.passed();
    }

    /**
     * A learner has all the time they need to do a step, so a solve gets at least the setup deadline: the check's
     * timeout is sized for looking, not for doing (pulling or building an image).
     */
    private Duration solveTimeout(CheckSpec spec) {
        return spec.timeout().compareTo(sandboxConfig.setupTimeout()) > 0 ? spec.timeout()
                : sandboxConfig.setupTimeout();
    }

    /** Runs a setup or solve script and writes its row; answers whether it succeeded. */
    private boolean script(SandboxRef sandbox, String stepId, Phase phase, String script, Duration timeout,
            RowWriter rows) {
        CheckRunner.ScriptResult result;
        try {
            result = runner.script(sandbox, script, timeout);
        } catch (SandboxFailedException e) {
            rows.fail(stepId, phase, "could not run: " + e.getMessage() + " (" + e.detail() + ")");
            return false;
        }
        if (result.succeeded()) {
            rows.pass(stepId, phase, result.message().isBlank() ? "exit 0" : result.message());
        } else if (result.timedOut()) {
            rows.fail(stepId, phase, join("did not finish within " + timeout.toSeconds() + " s", result.message()));
        } else {
            rows.fail(stepId, phase, join("exit " + result.exitCode(), result.message()));
        }
        return result.succeeded();
    }

    private static String join(String what, String message) {
        return message.isBlank() ? what : what + ": " + message;
    }
}
