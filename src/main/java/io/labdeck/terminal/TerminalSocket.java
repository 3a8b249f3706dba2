package io.labdeck.terminal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.TtySize;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.buffer.Buffer;

/**
 * The terminal websocket: binary frames are raw terminal bytes both ways, text frames are JSON control messages.
 * {@link TerminalUpgradeCheck} has refused strangers before a connection opens. The endpoint is a singleton, so
 * per-connection state is kept by connection id.
 */
@WebSocket(path = "/api/sessions/{id}/terminal")
public class TerminalSocket {

    private final TerminalService terminals;
    private final ControlCodec codec;
    private final TerminalConfig config;
    private final TerminalMetrics metrics;
    private final Map<String, Viewer> viewers = new ConcurrentHashMap<>();

    public TerminalSocket(TerminalService terminals, ControlCodec codec, TerminalConfig config,
            TerminalMetrics metrics) {
        this.terminals = terminals;
        this.codec = codec;
        this.config = config;
        this.metrics = metrics;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        String sessionId = connection.pathParam("id");
        boolean watch = TerminalUpgradeCheck.watching(connection.handshakeRequest().query());
        Optional<SandboxRef> sandbox = TerminalUpgradeCheck.authorised(connection);
        if (sandbox.isEmpty()) {
            refuse(connection, "This session has ended or is not yours.");
            return;
        }
        Viewer viewer = new WebSocketViewer(connection, watch, TerminalUpgradeCheck.instructor(connection),
                (int) config.viewerBacklog().asLongValue(), metrics);
        try {
            terminals.attach(sessionId, sandbox.get(), viewer);
            viewers.put(connection.id(), viewer);
        } catch (SandboxFailedException e) {
            refuse(connection, e.getMessage());
        }
    }

    @OnBinaryMessage
    @NonBlocking
    void input(Buffer data, WebSocketConnection connection) {
        Viewer viewer = viewers.get(connection.id());
        if (viewer != null) {
            terminals.input(connection.pathParam("id"), viewer, data.getBytes());
        }
    }

    @OnTextMessage
    void control(String text, WebSocketConnection connection) {
        Viewer viewer = viewers.get(connection.id());
        try {
            switch (codec.read(text)) {
                case ControlMessage.Resize r -> {
                    if (viewer != null) {
                        terminals.resize(connection.pathParam("id"), viewer, new TtySize(r.cols(), r.rows()));
                    }
                }
                case ControlMessage.Ping p -> reply(viewer, connection, new ControlMessage.Pong());
                case ControlMessage.Takeover t -> {
                    if (viewer == null || !terminals.takeover(connection.pathParam("id"), viewer, t.allowed())) {
                        throw new IllegalArgumentException("Only the learner whose terminal this is can let an"
                                + " instructor type.");
                    }
                }
                default -> throw new IllegalArgumentException("Servers' messages cannot be sent to the server.");
            }
        } catch (IllegalArgumentException e) {
            reply(viewer, connection, new ControlMessage.Error(e.getMessage()));
        }
    }

    /** Through the viewer (in order with the output, never waiting) when there is one. */
    private void reply(Viewer viewer, WebSocketConnection connection, ControlMessage message) {
        String json = codec.write(message);
        if (viewer != null) {
            viewer.sendText(json);
        } else {
            connection.sendText(json).subscribe().with(ok -> { }, error -> { });
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        Viewer viewer = viewers.remove(connection.id());
        if (viewer != null) {
            terminals.detach(connection.pathParam("id"), viewer);
        }
    }

    private void refuse(WebSocketConnection connection, String message) {
        connection.sendTextAndAwait(codec.write(new ControlMessage.Error(message)));
        connection.closeAndAwait();
    }
}
