package io.labdeck.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lab's rule of which steps are open: a step waits for the steps it {@code needs} that have not passed, and, in a
 * gated lab, for every step with a check before it that has not passed. A step that passed is open whatever else.
 * Steps without a check never pass, so they hold nobody back. Sessions (their step gate) and lab tests (when a
 * step's setup runs) both follow this one rule.
 */
public final class StepGating {

    private StepGating() {
    }

    /** For each step, in order, the steps it waits for; an empty list means the step is open. */
    public static Map<String, List<String>> waiting(boolean gated, List<Step> steps, Set<String> passed) {
        Map<String, List<String>> waiting = new LinkedHashMap<>();
        List<String> unpassedBefore = new ArrayList<>();
        for (Step step : steps) {
            List<String> waits = new ArrayList<>();
            if (!passed.contains(step.id())) {
                step.check().map(CheckSpec::needs).orElse(List.of()).stream().filter(n -> !passed.contains(n))
                        .forEach(waits::add);
                if (gated) {
                    unpassedBefore.stream().filter(id -> !waits.contains(id)).forEach(waits::add);
                }
            }
            waiting.put(step.id(), List.copyOf(waits));
            if (step.hasCheck() && !passed.contains(step.id())) {
                unpassedBefore.add(step.id());
            }
        }
        return waiting;
    }
}
