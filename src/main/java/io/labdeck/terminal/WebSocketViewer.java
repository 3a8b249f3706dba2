package io.labdeck.terminal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

/**
 * A viewer behind a websockets-next connection. One write is in flight at a time; output that arrives meanwhile
 * waits and is merged into one frame, sent from the event loop as soon as the write before it completes. So an idle
 * terminal sends each echo at once, and a flood sends few large frames instead of many small ones (each frame costs
 * both ends CPU that a flood takes from the shell's producer). Up to {@link #MAX_PENDING} bytes may wait; beyond
 * that the reading thread waits, which is the backpressure that pauses the shell.
 */
final class WebSocketViewer implements Viewer {

    static final int MAX_PENDING = 256 * 1024;
    private static final long STALL_SECONDS = 30;

    private final WebSocketConnection connection;
    private final boolean watch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    /** Frames waiting behind the write in flight: binary output merged in a ByteArrayOutputStream, or a String. */
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private int waitingBytes;
    private boolean writing;
    private volatile Throwable failure;

    WebSocketViewer(WebSocketConnection connection, boolean watch) {
        this.connection = connection;
        this.watch = watch;
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
    public void sendBinary(byte[] data) {
        enqueue(data, data.length);
    }

    @Override
    public void sendText(String json) {
        enqueue(json, json.length());
    }

    private void enqueue(Object frame, int size) {
        lock.lock();
        try {
            awaitRoom(size);
            if (!writing) {
                writing = true;
                write(frame);
                return;
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
        } finally {
            lock.unlock();
        }
    }

    /** Waits for room; a viewer that failed, or takes nothing for 30 s, is given up (the bridge drops it). */
    private void awaitRoom(int size) {
        try {
            long nanos = TimeUnit.SECONDS.toNanos(STALL_SECONDS);
            while (failure == null && writing && waitingBytes > 0 && waitingBytes + size > MAX_PENDING) {
                if (nanos <= 0) {
                    throw new IllegalStateException("viewer " + id() + " took nothing for " + STALL_SECONDS + " s");
                }
                nanos = room.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure != null) {
            throw new IllegalStateException("viewer " + id() + " is gone", failure);
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
            if (next == null) {
                writing = false;
                return;
            }
            waitingBytes -= next instanceof ByteArrayOutputStream merged ? merged.size() : ((String) next).length();
            room.signalAll();
            write(next);
        } finally {
            lock.unlock();
        }
    }

    private void failed(Throwable error) {
        lock.lock();
        try {
            failure = error;
            waiting.clear();
            room.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.close().subscribe().with(ok -> { }, error -> { });
        }
    }
}
