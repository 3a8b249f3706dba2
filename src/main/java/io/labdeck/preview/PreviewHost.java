package io.labdeck.preview;

/**
 * What a preview host's first label names: {@code 5001-abc} is port 5001 of session {@code abc}. A label that
 * names none is kept with port 0, so the caller can answer 404 rather than pass the request on to Labdeck.
 *
 * @param sessionId the session, or the label itself when it names none
 * @param port      the port, 0 when the label names none
 */
public record PreviewHost(String sessionId, int port) {

    public boolean valid() {
        return port > 0;
    }

    static PreviewHost parse(String label) {
        int dash = label.indexOf('-');
        if (dash < 1 || dash > 5 || label.indexOf('.') >= 0) {
            return new PreviewHost(label, 0);
        }
        try {
            int port = Integer.parseInt(label.substring(0, dash));
            String session = label.substring(dash + 1);
            return port >= 1 && port <= 65535 && session.matches("[a-z0-9]{1,64}") ? new PreviewHost(session, port)
                    : new PreviewHost(label, 0);
        } catch (NumberFormatException e) {
            return new PreviewHost(label, 0);
        }
    }
}
