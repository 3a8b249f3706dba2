package io.labdeck.session.progress;

import io.labdeck.session.StepProgress;
import io.labdeck.session.StepStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.labdeck.lab.StepGating;
import io.labdeck.lab.Lab;
import io.labdeck.lab.Step;

/**
 * Each step as the learner sees it: its stored progress, or BLOCKED while the lab's rule ({@link StepGating}) has it
 * wait. Blocked is never stored: it follows from the stored results, so it cannot go stale.
 */
public final class StepGate {

    /**
     * A step as the learner sees it now.
     *
     * @param step       the step
     * @param status     its stored status, or BLOCKED when it is not open and has not passed
     * @param waitingFor the steps that must pass before it opens
     * @param progress   what is stored about it
     */
    public record Gate(Step step, StepStatus status, List<String> waitingFor, StepProgress progress) {

        public boolean open() {
            return status != StepStatus.BLOCKED;
        }

        public boolean checkable() {
            return open() && step.hasCheck() && status != StepStatus.PASSED;
        }
    }

    private StepGate() {
    }

    public static Map<String, Gate> evaluate(Lab lab, List<Step> steps, Map<String, StepProgress> stored) {
        Set<String> passed = stored.values().stream().filter(p -> p.status() == StepStatus.PASSED)
                .map(StepProgress::stepId).collect(Collectors.toSet());
        Map<String, List<String>> waiting = StepGating.waiting(lab.gated(), steps, passed);
        Map<String, Gate> gates = new LinkedHashMap<>();
        for (Step step : steps) {
            StepProgress progress = stored.getOrDefault(step.id(), StepProgress.pending(step.id()));
            List<String> waits = waiting.get(step.id());
            gates.put(step.id(), new Gate(step, waits.isEmpty() ? progress.status() : StepStatus.BLOCKED, waits,
                    progress));
        }
        return gates;
    }

    /** Whether every step with a check has passed. */
    public static boolean complete(Map<String, Gate> gates) {
        return gates.values().stream().anyMatch(g -> g.step().hasCheck())
                && gates.values().stream().filter(g -> g.step().hasCheck())
                        .allMatch(g -> g.status() == StepStatus.PASSED);
    }

}
