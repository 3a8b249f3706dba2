package io.labdeck.session;

/** No sandbox can be had: every seat is taken. */
public class OutOfCapacityException extends RuntimeException {

    public OutOfCapacityException(String message) {
        super(message, null, false, false);
    }
}
