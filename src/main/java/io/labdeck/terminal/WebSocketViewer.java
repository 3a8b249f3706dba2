package io.labdeck.terminal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

/**
 * A viewer behind a websockets-next connection. One write is in flight at a time; output that arrives meanwhile
 * waits and is merged into one frame, sent from the event loop as soon as the write before it completes. So an idle
 * terminal sends each echo at once, and a flood sends few large frames instead of many small ones. Nothing here
 * ever waits: a viewer that falls more than {@code limit} bytes behind (a stalled tab, a slow link) is dropped with
 * a close reason that says so, and the shell and the other viewers go on. Its page reconnects and gets the replay.
 */
final class WebSocketViewer implements Viewer {

    /** The close code of a viewer the server dropped (too slow, too much input) (4000-4999: the application's own). */
    static final int DROPPED = 4001;
    private static final Logger LOG = Logger.getLogger(WebSocketViewer.class);

    private final WebSocketConnection connection;
    private final boolean watch;
    private final int limit;
    private final ReentrantLock lock = new ReentrantLock();
    /** Frames waiting behind the write in flight: binary output merged in a ByteArrayOutputStream, or a String. */
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private int waitingBytes;
    private boolean writing;
    private volatile boolean dead;

    WebSocketViewer(WebSocketConnection connection, boolean watch, int limit) {
        this.connection = connection;
        this.watch = watch;
        this.limit = limit;
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
    public boolean alive() {
        return !dead && connection.isOpen();
    }

    @Override
    public void sendBinary(byte[] data) {
        enqueue(data, data.length);
    }

    @Override
    public void sendText(String json) {
        enqueue(json, json.length());
    }

    private void enqueue(Object frame, int size) {
        boolean tooSlow;
        lock.lock();
        try {
            if (dead) {
                return;
            }
            if (!writing) {
                writing = true;
                write(frame);
                return;
            }
            tooSlow = waitingBytes + size > limit;
            if (!tooSlow) {
                if (frame instanceof byte[] bytes && waiting.peekLast() instanceof ByteArrayOutputStream merged) {
                    merged.write(bytes, 0, bytes.length);
                } else if (frame instanceof byte[] bytes) {
                    ByteArrayOutputStream merged = new ByteArrayOutputStream(Math.max(bytes.length, 8192));
                    merged.write(bytes, 0, bytes.length);
                    waiting.add(merged);
                } else {
                    waiting.add(frame);
                }
                waitingBytes += size;
            }
        } finally {
            lock.unlock();
        }
        if (tooSlow) {
            close("This tab fell more than " + (limit >> 10) + " KiB behind the terminal's output and was"
                    + " disconnected; it reconnects with the latest screen.");
        }
    }

    private void write(Object frame) {
        var sent = frame instanceof String text ? connection.sendText(text)
                : connection.sendBinary(Buffer.buffer(frame instanceof ByteArrayOutputStream merged
                        ? merged.toByteArray() : (byte[]) frame));
        sent.subscribe().with(ok -> written(), this::failed);
    }

    /** On the event loop: the write in flight is done; send what waited meanwhile. */
    private void written() {
        lock.lock();
        try {
            Object next = waiting.poll();
            if (next == null || dead) {
                writing = false;
                return;
            }
            waitingBytes -= next instanceof ByteArrayOutputStream merged ? merged.size() : ((String) next).length();
            write(next);
        } finally {
            lock.unlock();
        }
    }

    private void failed(Throwable error) {
        LOG.debugf("viewer %s: a write failed: %s", id(), error);
        forget();
    }

    private void forget() {
        lock.lock();
        try {
            dead = true;
            waiting.clear();
            waitingBytes = 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close(String reason) {
        forget();
        if (connection.isOpen()) {
            connection.close(new CloseReason(reason == null ? CloseReason.NORMAL.getCode() : DROPPED,
                    reason == null ? "" : shorten(reason))).subscribe().with(ok -> { }, error -> { });
        }
    }

    /** A close reason must fit in 123 bytes of UTF-8. */
    private static String shorten(String reason) {
        String r = reason;
        while (r.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 123) {
            r = r.substring(0, r.length() - 2) + "…";
        }
        return r;
    }
}
