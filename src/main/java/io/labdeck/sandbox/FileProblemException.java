package io.labdeck.sandbox;

/** A file operation that cannot be done as asked; the message names the path and why, for the learner. */
public class FileProblemException extends RuntimeException {

    /** What went wrong, which decides the HTTP status. */
    public enum Kind {
        /** The path breaks a rule ({@code ..}, absolute, NUL) or leads out of the working directory (a symlink). */
        INVALID_PATH,
        /** Nothing is there. */
        NOT_FOUND,
        /** Something of the wrong kind is there (a folder where a file is written). */
        CONFLICT,
        /** Bigger than the configured cap. */
        TOO_LARGE,
        /** The body ended before its announced length, or took too long. */
        INCOMPLETE
    }

    private final Kind kind;

    public FileProblemException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
