package io.labdeck.terminal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

/**
 * A viewer behind a websockets-next connection. A few writes may be in flight at once, so the pump does not wait a
 * full event-loop round trip per frame; when they are all in flight it waits, which is the backpressure. Writes from
 * the pump's single thread reach the socket in order.
 */
final class WebSocketViewer implements Viewer {

    private static final int IN_FLIGHT = 8;
    private static final long STALL_SECONDS = 30;

    private final WebSocketConnection connection;
    private final boolean watch;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
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
        acquire();
        connection.sendBinary(Buffer.buffer(data)).subscribe().with(ok -> inFlight.release(), this::failed);
    }

    @Override
    public void sendText(String json) {
        acquire();
        connection.sendText(json).subscribe().with(ok -> inFlight.release(), this::failed);
    }

    /** Waits for room; a viewer that failed, or takes nothing for 30 s, is given up (the pump drops it). */
    private void acquire() {
        try {
            if (failure != null || !inFlight.tryAcquire(STALL_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("viewer " + id() + " is gone or stalled", failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void failed(Throwable error) {
        failure = error;
        inFlight.release();
    }

    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.close().subscribe().with(ok -> { }, error -> { });
        }
    }
}
