package io.labdeck.classroom;

/** Something only a class's session can do (raise a hand, say), asked of a session in no class (409). */
public class NotInClassException extends RuntimeException {

    public NotInClassException(String message) {
        super(message, null, false, false);
    }
}
