package io.labdeck.session;

/** A step id the session's lab does not have, or a check of a step that has none (404). */
public class StepNotFoundException extends RuntimeException {

    public StepNotFoundException(String message) {
        super(message);
    }
}
