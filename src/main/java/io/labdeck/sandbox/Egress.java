package io.labdeck.sandbox;

import java.util.Locale;
import java.util.Optional;

/**
 * What a sandbox (and every container inside it) may reach beyond itself. Whatever the level, nothing else of the
 * host answers it (Labdeck's port, the engine's API) and neither do other sessions' sandboxes.
 */
public enum Egress {
    /** Nothing at all, not even the registry. */
    NONE,
    /** Labdeck's registry door and mirror only: {@code docker pull} works, {@code apt-get} does not. */
    REGISTRY,
    /** The registry and the internet; private and link-local addresses (the host's LAN, cloud metadata) stay closed. */
    INTERNET;

    /** The level a lab's word names: {@code none}, {@code registry} or {@code internet}. */
    public static Optional<Egress> of(String word) {
        try {
            return Optional.of(valueOf(word.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The lesser of the two. */
    public Egress atMost(Egress cap) {
        return ordinal() <= cap.ordinal() ? this : cap;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
