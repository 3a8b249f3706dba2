package io.labdeck.preview;

/**
 * A preview that cannot be shown, with the HTTP status and words to answer with: 404 unknown session, 403 viewer or
 * port refused, 409 session not ready, 502 nothing answers.
 *
 * @see io.labdeck.preview.proxy.PreviewErrors
 */
public class PreviewDenied extends RuntimeException {

    private final int status;
    private final String code;

    public PreviewDenied(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
