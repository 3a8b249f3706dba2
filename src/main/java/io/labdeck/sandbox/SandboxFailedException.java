package io.labdeck.sandbox;

/** A sandbox could not be created or reached. The message is meant for the learner; the detail for operators. */
public class SandboxFailedException extends RuntimeException {

    private final String detail;

    public SandboxFailedException(String userMessage, String detail, Throwable cause) {
        super(userMessage, cause);
        this.detail = detail;
    }

    public SandboxFailedException(String userMessage, String detail) {
        this(userMessage, detail, null);
    }

    public String detail() {
        return detail;
    }
}
