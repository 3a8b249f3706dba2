package io.labdeck.classroom;

/** An instructor of that name exists already (409). */
public class InstructorExistsException extends RuntimeException {

    public InstructorExistsException(String message) {
        super(message, null, false, false);
    }
}
