package io.labdeck.session;

/** A request whose body is missing or malformed; the message says what to send. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
