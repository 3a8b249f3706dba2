package io.labdeck.session;

import java.time.Duration;

/** Too many sessions are starting at once; the caller should try again after {@link #retryAfter()}. */
public class TooManyStartingException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyStartingException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
