package io.labdeck.classroom.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.labdeck.classroom.ClassEvent;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * {@code /api/classes/{id}/live}: every event of the class (a check's outcome, a join, a raised hand, a session's
 * end) as one JSON text message, the event's envelope with {@code "type":"event"}, as soon as it is stored.
 * {@link ClassLiveUpgradeCheck} lets only the class's instructor in. Sends never wait: each is handed to the
 * connection and its outcome only logged, so one slow dashboard holds up neither the check nor another dashboard.
 */
@WebSocket(path = "/api/classes/{id}/live")
public class ClassLiveSocket {

    private static final Logger LOG = Logger.getLogger(ClassLiveSocket.class);

    private final ObjectMapper json;
    /** The open dashboards of each class. */
    private final Map<String, Set<WebSocketConnection>> dashboards = new ConcurrentHashMap<>();

    public ClassLiveSocket(ObjectMapper json) {
        this.json = json;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        dashboards.computeIfAbsent(connection.pathParam("id"), id -> ConcurrentHashMap.newKeySet()).add(connection);
        send(connection, "{\"type\":\"hello\",\"class\":" + quote(connection.pathParam("id")) + "}");
    }

    @OnClose
    void close(WebSocketConnection connection) {
        dashboards.computeIfPresent(connection.pathParam("id"), (id, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    void onEvent(@ObservesAsync ClassEvent event) {
        if (event.classId().isEmpty()) {
            return;
        }
        Set<WebSocketConnection> open = dashboards.get(event.classId().get());
        if (open == null || open.isEmpty()) {
            return;
        }
        String text = message(event);
        open.forEach(c -> send(c, text));
    }

    private String message(ClassEvent event) {
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("type", "event");
        message.putAll(event.envelope());
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's envelope cannot be written as JSON", e);
        }
    }

    private static void send(WebSocketConnection connection, String text) {
        if (!connection.isOpen()) {
            return;
        }
        connection.sendText(text).subscribe().with(ok -> { }, failure ->
                LOG.debugf("a class dashboard's connection %s failed: %s", connection.id(), failure));
    }

    private String quote(String s) {
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dashboards open on the class, for tests and metrics. */
    int open(String classId) {
        return dashboards.getOrDefault(classId, Set.of()).size();
    }
}
