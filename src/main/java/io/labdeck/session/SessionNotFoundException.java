package io.labdeck.session;

/** No such session. */
public class SessionNotFoundException extends RuntimeException {

    public SessionNotFoundException(String message) {
        super(message, null, false, false);
    }
}
