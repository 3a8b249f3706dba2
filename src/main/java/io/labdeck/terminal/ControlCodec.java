package io.labdeck.terminal;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads client control messages strictly and writes server ones; a bad message is an error naming what is wrong. */
@ApplicationScoped
public class ControlCodec {

    private final ObjectMapper json;

    public ControlCodec(ObjectMapper json) {
        this.json = json;
    }

    /** The message, or an {@link IllegalArgumentException} whose text is fit for an {@code error} reply. */
    public ControlMessage read(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Control messages are JSON objects; this is not JSON: "
                    + abbreviate(text));
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            throw new IllegalArgumentException("A control message needs a \"type\": resize, ping or takeover.");
        }
        return switch (node.get("type").asText()) {
            case "resize" -> resize(node);
            case "ping" -> new ControlMessage.Ping("ping");
            case "takeover" -> takeover(node);
            default -> throw new IllegalArgumentException("Unknown control message type \""
                    + abbreviate(node.get("type").asText()) + "\"; known: resize, ping, takeover.");
        };
    }

    private static ControlMessage.Takeover takeover(JsonNode node) {
        if (!node.path("allowed").isBoolean()) {
            throw new IllegalArgumentException("takeover needs \"allowed\": true or false.");
        }
        return new ControlMessage.Takeover(node.get("allowed").asBoolean());
    }

    private static ControlMessage.Resize resize(JsonNode node) {
        JsonNode cols = node.get("cols");
        JsonNode rows = node.get("rows");
        if (cols == null || rows == null || !cols.canConvertToInt() || !rows.canConvertToInt() || !cols.isIntegralNumber()
                || !rows.isIntegralNumber() || cols.asInt() < 1 || rows.asInt() < 1 || cols.asInt() > 1000
                || rows.asInt() > 1000) {
            throw new IllegalArgumentException("resize needs whole numbers \"cols\" and \"rows\" from 1 to 1000.");
        }
        return new ControlMessage.Resize("resize", cols.asInt(), rows.asInt());
    }

    public String write(ControlMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
