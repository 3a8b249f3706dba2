package io.labdeck.session;

import java.util.List;

/** A check or solve of a step that is not open yet (409). */
public class StepBlockedException extends RuntimeException {

    public StepBlockedException(String stepId, List<String> waitingFor) {
        super("Step '" + stepId + "' opens after " + String.join(", ", waitingFor) + " "
                + (waitingFor.size() == 1 ? "has" : "have") + " passed.");
    }
}
