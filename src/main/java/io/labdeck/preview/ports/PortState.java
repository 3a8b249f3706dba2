package io.labdeck.preview.ports;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a port link says: whether the port answers, and if not, which kind of not. */
public enum PortState {
    /** Something listens where Labdeck reaches it, and it answers. */
    ANSWERING,
    /** Something listens where Labdeck reaches it, but it refuses, does not connect in time, or hangs up at once. */
    NOT_ANSWERING,
    /** Something listens, but where Labdeck cannot reach it (the sandbox's loopback, the inner engine's network). */
    LOCAL_ONLY,
    /** The lab names the port, but nothing listens on it yet. */
    NOT_LISTENING;

    @JsonValue
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
