package io.labdeck.terminal;

import java.nio.charset.StandardCharsets;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

/**
 * A viewer behind a websockets-next connection, sending through a {@link ViewerQueue}: writes never wait, and a
 * viewer that falls more than the limit behind (a stalled tab, a slow link) is dropped with a close reason that says
 * so, while the shell and the other viewers go on. Its page reconnects and gets the replay.
 */
final class WebSocketViewer implements Viewer {

    /** The close code of a viewer the server dropped (too slow, too much input). */
    static final int DROPPED = 4001;
    private static final Logger LOG = Logger.getLogger(WebSocketViewer.class);

    private final WebSocketConnection connection;
    private final boolean watch;
    private final java.util.Optional<String> instructor;
    private final int limit;
    private final ViewerQueue queue;
    private final TerminalMetrics metrics;

    WebSocketViewer(WebSocketConnection connection, boolean watch, java.util.Optional<String> instructor, int limit,
            TerminalMetrics metrics) {
        this.connection = connection;
        this.watch = watch;
        this.instructor = instructor;
        this.limit = limit;
        this.metrics = metrics;
        this.queue = new ViewerQueue(limit, this::write);
    }

    @Override
    public String id() {
        return connection.id();
    }

    @Override
    public boolean watch() {
        return watch;
    }

    @Override
    public java.util.Optional<String> instructor() {
        return instructor;
    }

    @Override
    public boolean alive() {
        return !queue.dead() && connection.isOpen();
    }

    @Override
    public void sendBinary(byte[] data) {
        send(data);
    }

    @Override
    public void sendText(String json) {
        send(json);
    }

    private void send(Object frame) {
        if (!queue.offer(frame)) {
            close("This tab fell more than " + (limit >> 10) + " KiB behind the terminal's output and was"
                    + " disconnected; it reconnects with the latest screen.");
        }
    }

    private void write(Object frame) {
        var sent = frame instanceof String text ? connection.sendText(text)
                : connection.sendBinary(Buffer.buffer((byte[]) frame));
        sent.subscribe().with(ok -> queue.written(), error -> {
            LOG.debugf("viewer %s: a write failed: %s", id(), error);
            queue.failed();
        });
    }

    @Override
    public void close(String reason) {
        boolean first = !queue.dead();
        queue.failed();
        if (reason != null && first) {
            metrics.dropped();
        }
        if (connection.isOpen()) {
            connection.close(new CloseReason(reason == null ? CloseReason.NORMAL.getCode() : DROPPED,
                    reason == null ? "" : shorten(reason))).subscribe().with(ok -> { }, error -> { });
        }
    }

    /** A close reason must fit in 123 bytes of UTF-8. */
    static String shorten(String reason) {
        String r = reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > 123) {
            r = r.substring(0, r.length() - 2) + "…";
        }
        return r;
    }
}
