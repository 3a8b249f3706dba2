package io.labdeck.files;

/** An upload that does not say its length (411): it is streamed into the sandbox, which reads exactly that many. */
public class LengthRequiredException extends RuntimeException {

    public LengthRequiredException(String message) {
        super(message, null, false, false);
    }
}
