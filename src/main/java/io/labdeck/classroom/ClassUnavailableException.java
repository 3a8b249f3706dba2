package io.labdeck.classroom;

/**
 * A class that cannot be joined now (409): {@code class-not-started}, {@code class-closed} or {@code class-full}.
 */
public class ClassUnavailableException extends RuntimeException {

    private final String code;

    public ClassUnavailableException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
