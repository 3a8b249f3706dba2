package io.labdeck.terminal;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

/** A viewer behind a websockets-next connection. Sends block the pump, never the event loop. */
record WebSocketViewer(WebSocketConnection connection, boolean watch) implements Viewer {

    @Override
    public String id() {
        return connection.id();
    }

    @Override
    public void sendBinary(byte[] data) {
        connection.sendBinaryAndAwait(Buffer.buffer(data));
    }

    @Override
    public void sendText(String json) {
        connection.sendTextAndAwait(json);
    }

    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.close().subscribe().with(ok -> { }, failure -> { });
        }
    }
}
