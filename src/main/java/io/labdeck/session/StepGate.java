package io.labdeck.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.labdeck.lab.CheckSpec;
import io.labdeck.lab.Lab;
import io.labdeck.lab.Step;

/**
 * Works out which steps are open. A step is blocked while a step it {@code needs} has not passed, and, in a gated
 * lab, while a step with a check before it has not passed. Steps without a check never pass, so they block nothing.
 * Blocked is never stored: it follows from the stored results, so it cannot go stale.
 */
final class StepGate {

    /**
     * A step as the learner sees it now.
     *
     * @param step       the step
     * @param status     its stored status, or BLOCKED when it is not open and has not passed
     * @param waitingFor the steps that must pass before it opens
     * @param progress   what is stored about it
     */
    record Gate(Step step, StepStatus status, List<String> waitingFor, StepProgress progress) {

        boolean open() {
            return status != StepStatus.BLOCKED;
        }

        boolean checkable() {
            return open() && step.hasCheck() && status != StepStatus.PASSED;
        }
    }

    private StepGate() {
    }

    static Map<String, Gate> evaluate(Lab lab, List<Step> steps, Map<String, StepProgress> stored) {
        Map<String, Gate> gates = new LinkedHashMap<>();
        List<String> unpassedBefore = new ArrayList<>();
        for (Step step : steps) {
            StepProgress progress = stored.getOrDefault(step.id(), StepProgress.pending(step.id()));
            List<String> waiting = new ArrayList<>();
            for (String need : step.check().map(CheckSpec::needs).orElse(List.of())) {
                if (!passed(stored, need)) {
                    waiting.add(need);
                }
            }
            if (lab.gated()) {
                unpassedBefore.stream().filter(id -> !waiting.contains(id)).forEach(waiting::add);
            }
            boolean blocked = !waiting.isEmpty() && progress.status() != StepStatus.PASSED;
            gates.put(step.id(), new Gate(step, blocked ? StepStatus.BLOCKED : progress.status(),
                    blocked ? List.copyOf(waiting) : List.of(), progress));
            if (step.hasCheck() && !passed(stored, step.id())) {
                unpassedBefore.add(step.id());
            }
        }
        return gates;
    }

    /** Whether every step with a check has passed. */
    static boolean complete(Map<String, Gate> gates) {
        return gates.values().stream().anyMatch(g -> g.step().hasCheck())
                && gates.values().stream().filter(g -> g.step().hasCheck())
                        .allMatch(g -> g.status() == StepStatus.PASSED);
    }

    private static boolean passed(Map<String, StepProgress> stored, String stepId) {
        StepProgress p = stored.get(stepId);
        return p != null && p.status() == StepStatus.PASSED;
    }
}
