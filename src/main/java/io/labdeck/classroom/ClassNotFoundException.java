package io.labdeck.classroom;

/** No class has that id or join code (404). */
public class ClassNotFoundException extends RuntimeException {

    public ClassNotFoundException(String message) {
        super(message, null, false, false);
    }
}
