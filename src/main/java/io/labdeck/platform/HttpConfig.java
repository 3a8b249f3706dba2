package io.labdeck.platform;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Who may call Labdeck from a browser page. */
@ConfigMapping(prefix = "labdeck.http")
public interface HttpConfig {

    /**
     * Origins besides Labdeck's own (e.g. {@code https://labs.example.org}) whose pages may send state-changing
     * requests and open websockets with a learner's cookie. Labdeck's own origin is always allowed; nothing else is.
     */
    Optional<List<String>> allowedOrigins();
}
