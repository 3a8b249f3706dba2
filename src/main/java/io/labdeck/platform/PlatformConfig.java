package io.labdeck.platform;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Settings every capability shares. */
@ConfigMapping(prefix = "labdeck")
public interface PlatformConfig {

    /**
     * The key that signs owner cookies and derives each session's registry password, at least 32 characters. Empty
     * means one made at first start and kept in the database, which suits one server or several sharing a database.
     * Changing it signs every learner out of their sessions.
     */
    Optional<String> secret();
}
