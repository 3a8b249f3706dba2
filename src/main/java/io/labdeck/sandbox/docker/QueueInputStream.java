package io.labdeck.sandbox.docker;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stdin of an interactive exec. Writers never block; docker-java's hijack thread blocks in {@link #read}. A
 * PipedInputStream would delay each keystroke and break once its writer thread ends. What is queued is bounded:
 * past {@code limit} bytes an offer is refused, and falling back under {@code lowWater} after passing
 * {@code highWater} is reported, so that the sender can be paused and resumed (back-pressure for a large paste).
 */
final class QueueInputStream extends InputStream {

    private static final byte[] EOF = new byte[0];

    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final long limit;
    private final long highWater;
    private final long lowWater;
    private final Runnable drained;
    private volatile boolean high;
    private byte[] current = new byte[0];
    private int position;
    private volatile boolean closed;

    QueueInputStream(long limit, long highWater, long lowWater, Runnable drained) {
        this.limit = limit;
        this.highWater = highWater;
        this.lowWater = lowWater;
        this.drained = drained;
    }

    /** An unbounded queue for small internal streams (the exec agent's requests). */
    QueueInputStream() {
        this(Long.MAX_VALUE, Long.MAX_VALUE, 0, () -> { });
    }

    /**
     * Queues the bytes; false only when that would pass the limit (nothing is queued then). Bytes for a stream
     * that has closed (its shell ended) are dropped: that is no overflow.
     */
    boolean offer(byte[] data) {
        if (closed || data.length == 0) {
            return true;
        }
        if (queued.addAndGet(data.length) > limit) {
            queued.addAndGet(-data.length);
            return false;
        }
        if (queued.get() > highWater) {
            high = true;
        }
        queue.offer(data.clone());
        return true;
    }

    long queued() {
        return queued.get();
    }

    /** Past the high-water mark, and not yet back under the low one. */
    boolean backlogged() {
        return high;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= current.length) {
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            position = 0;
            if (current == EOF) {
                queue.offer(EOF);
                return -1;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        if (queued.addAndGet(-n) < lowWater && high) {
            high = false;
            drained.run();
        }
        return n;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            queue.offer(EOF);
        }
    }
}
