package io.labdeck.terminal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue between a terminal's producers (the shell's output stream, joins, status changes) and its pump. Output
 * is coalesced into frames of up to {@code maxFrame} bytes and bounded at {@code limit} bytes: when full, the
 * producer waits, which pauses the sandbox's stream.
 */
final class TerminalEvents {

    /** What the pump handles, in order. */
    sealed interface Event {
    }

    record Output(byte[] data) implements Event {
    }

    record Join(Viewer viewer, String state) implements Event {
    }

    record Control(String json) implements Event {
    }

    record Resize(int cols, int rows) implements Event {
    }

    private final int limit;
    private final int maxFrame;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Deque<Object> queue = new ArrayDeque<>();
    private int pendingBytes;
    private boolean closed;

    TerminalEvents(int limit, int maxFrame) {
        this.limit = limit;
        this.maxFrame = maxFrame;
    }

    /** Adds output, waiting while too much is pending. Returns false once closed. */
    boolean output(byte[] data) throws InterruptedException {
        lock.lock();
        try {
            while (pendingBytes >= limit && !closed) {
                notFull.await();
            }
            if (closed) {
                return false;
            }
            if (queue.peekLast() instanceof FrameBuilder last && last.size() + data.length <= maxFrame) {
                last.write(data, 0, data.length);
            } else {
                FrameBuilder frame = new FrameBuilder();
                frame.write(data, 0, data.length);
                queue.addLast(frame);
            }
            pendingBytes += data.length;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    void add(Event event) {
        lock.lock();
        try {
            if (!closed) {
                queue.addLast(event);
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The next event, or null once closed and drained. */
    Event take() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                notEmpty.await(1, TimeUnit.SECONDS);
            }
            Object next = queue.pollFirst();
            if (next instanceof FrameBuilder frame) {
                pendingBytes -= frame.size();
                notFull.signalAll();
                return new Output(frame.toByteArray());
            }
            return (Event) next;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static final class FrameBuilder extends java.io.ByteArrayOutputStream {
    }
}
