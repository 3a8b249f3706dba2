package io.labdeck.classroom;

/** An instructor's route called without credentials (401, with a Basic challenge). */
public class NotSignedInException extends RuntimeException {

    public NotSignedInException(String message) {
        super(message, null, false, false);
    }
}
