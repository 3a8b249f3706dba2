package io.labdeck.preview.proxy;

import java.net.ConnectException;
import java.util.Locale;

/** Words for a port that did not take the proxy's connection. */
final class NotAnswering {

    private NotAnswering() {
    }

    static String message(int port, Throwable failure) {
        String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String lower = why.toLowerCase(Locale.ROOT);
        String reason = lower.contains("refused") || failure instanceof ConnectException && !lower.contains("timed")
                ? "nothing listens there (connection refused)"
                : lower.contains("timed out") || lower.contains("timeout") ? "the connection timed out" : why;
        return "Nothing answers on port " + port + " in your sandbox yet: " + reason + ". Start your app on that"
                + " port (for example docker run -d -p " + port + ":80 ...), then reload.";
    }
}
