package io.labdeck.platform;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

/**
 * Logs a failure at WARN once per cause, then stays quiet about that cause for a while: a sweep that fails on every
 * item, every minute, for the same reason says so once, and a new reason is always heard. A cause is the failure's
 * type and its message's first line, without digits (ids, counts and times vary).
 */
public final class WarnOnce {

    private static final int MAX_CAUSES = 1024;

    private final Logger log;
    private final long quietNanos;
    private final Map<String, Long> lastSaid = new ConcurrentHashMap<>();

    public WarnOnce(Logger log, Duration quiet) {
        this.log = log;
        this.quietNanos = quiet.toNanos();
    }

    /** Logs {@code what} and the failure, unless this cause was logged within the quiet period. */
    public void warn(String what, Throwable failure) {
        String message = String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
        String cause = failure.getClass().getName() + ": " + message.replaceAll("[0-9a-f]{12,}|\\d+", "#");
        long now = System.nanoTime();
        Long before = lastSaid.get(cause);
        if (before != null && now - before < quietNanos) {
            return;
        }
        if (lastSaid.size() > MAX_CAUSES) {
            lastSaid.clear();
        }
        lastSaid.put(cause, now);
        log.warnf("%s: %s (further failures of this kind are not logged for %d min)", what, failure,
                Duration.ofNanos(quietNanos).toMinutes());
    }
}
