package io.labdeck.session;

/** This session cannot be extended further. */
public class ExtensionLimitException extends RuntimeException {

    public ExtensionLimitException(String message) {
        super(message, null, false, false);
    }
}
