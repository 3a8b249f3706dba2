package io.labdeck.session;

/** Work that needs a running sandbox, asked of a session that has none (409). */
public class SessionNotReadyException extends RuntimeException {

    public SessionNotReadyException(String message) {
        super(message);
    }
}
