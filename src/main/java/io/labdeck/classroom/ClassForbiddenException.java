package io.labdeck.classroom;

/** The caller is signed in, or is a learner, but may not do this to this class or session (403). */
public class ClassForbiddenException extends RuntimeException {

    public ClassForbiddenException(String message) {
        super(message, null, false, false);
    }
}
