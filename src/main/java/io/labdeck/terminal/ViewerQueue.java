package io.labdeck.terminal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one viewer has yet to be sent, and the rule for sending it: one write in flight at a time; what arrives
 * meanwhile waits, binary output merged into one frame, and goes out as soon as the write before it completes. So an
 * idle terminal sends each echo at once and a flood sends few large frames. Nothing here ever waits: when more than
 * {@code limit} bytes would wait, the queue gives up ({@link #offer} answers false) and its viewer is dropped.
 */
final class ViewerQueue {

    /** Sends one frame (a {@code byte[]} or a {@code String}) and calls {@link #written} or {@link #failed} when done. */
    interface Writer {
        void write(Object frame);
    }

    private final int limit;
    private final Writer writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private int waitingBytes;
    private boolean writing;
    private boolean dead;

    ViewerQueue(int limit, Writer writer) {
        this.limit = limit;
        this.writer = writer;
    }

    /** Queues a frame; false when it would make more than the limit wait (nothing is queued then). */
    boolean offer(Object frame) {
        int size = frame instanceof byte[] bytes ? bytes.length : ((String) frame).length();
        lock.lock();
        try {
            if (dead) {
                return true;
            }
            if (!writing) {
                writing = true;
                writer.write(frame);
                return true;
            }
            if (waitingBytes + size > limit) {
                return false;
            }
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
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The write in flight is done: the next waiting frame goes. */
    void written() {
        lock.lock();
        try {
            Object next = waiting.poll();
            if (next == null || dead) {
                writing = false;
                return;
            }
            waitingBytes -= next instanceof ByteArrayOutputStream merged ? merged.size() : ((String) next).length();
            writer.write(next instanceof ByteArrayOutputStream merged ? merged.toByteArray() : next);
        } finally {
            lock.unlock();
        }
    }

    /** The connection failed, or the viewer was dropped: nothing more is written. */
    void failed() {
        lock.lock();
        try {
            dead = true;
            waiting.clear();
            waitingBytes = 0;
        } finally {
            lock.unlock();
        }
    }

    boolean dead() {
        lock.lock();
        try {
            return dead;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes waiting behind the write in flight. */
    int waiting() {
        lock.lock();
        try {
            return waitingBytes;
        } finally {
            lock.unlock();
        }
    }
}
