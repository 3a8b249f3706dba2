package io.labdeck.session;

/** This session belongs to another browser. */
public class SessionForbiddenException extends RuntimeException {

    public SessionForbiddenException(String message) {
        super(message, null, false, false);
    }
}
