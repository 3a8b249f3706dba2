package io.labdeck.labtest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.labdeck.lab.StepGating;
import io.labdeck.lab.Step;

/**
 * When a learner enters each step, so a test runs each step's setup when a session would: as soon as the step opens.
 * A step opens by the lab's rule, the one sessions follow ({@link StepGating}). In a lab that is not gated, every
 * step without {@code needs} opens at once, so its setup runs before any solve: a setup that relies on an earlier
 * step's work fails here as it would for a learner.
 */
final class StepOpening {

    private final boolean gated;
    private final List<Step> steps;
    private final Set<String> passed = new HashSet<>();
    private final Set<String> entered = new HashSet<>();

    StepOpening(boolean gated, List<Step> steps) {
        this.gated = gated;
        this.steps = List.copyOf(steps);
    }

    /** The steps open now that were not entered before, in document order; from now on they count as entered. */
    List<Step> enterOpen() {
        List<Step> opened = new ArrayList<>();
        var waiting = StepGating.waiting(gated, steps, passed);
        for (Step step : steps) {
            if (waiting.get(step.id()).isEmpty() && entered.add(step.id())) {
                opened.add(step);
            }
        }
        return opened;
    }

    /**
     * Enters a step whether or not it is open: after a failure the test goes on with steps a learner could not reach
     * yet. Answers whether it was entered only now.
     */
    boolean enter(Step step) {
        return entered.add(step.id());
    }

    void passed(String stepId) {
        passed.add(stepId);
    }
}
