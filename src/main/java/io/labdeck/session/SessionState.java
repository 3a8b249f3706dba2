package io.labdeck.session;

import java.util.Locale;

/** Where a session is in its life: STARTING → READY → (EXPIRED | ENDED | FAILED). */
public enum SessionState {
    STARTING, READY, EXPIRED, ENDED, FAILED;

    public boolean live() {
        return this == STARTING || this == READY;
    }

    /** The contract's lower-case word. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
