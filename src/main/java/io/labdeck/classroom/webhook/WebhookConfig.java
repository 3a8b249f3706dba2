package io.labdeck.classroom.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where every event's envelope is POSTed, and how hard Labdeck tries (docs/operations.md). */
@ConfigMapping(prefix = "labdeck.webhook")
public interface WebhookConfig {

    /** The receiver's URL. Unset: no webhook. */
    Optional<URI> url();

    /**
     * The shared secret of the {@code X-Labdeck-Signature: sha256=<hex>} header, an HMAC-SHA256 of the body with it.
     * Unset: the header is left out.
     */
    Optional<String> secret();

    /** Events waiting for delivery beyond which new ones are dropped (and counted): memory stays bounded. */
    @WithDefault("10000")
    int queueSize();

    /** Tries per event, the first included, before it is given up (and counted). */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failed try; it doubles after each further failure, up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** The longest wait between two tries of one event. */
    @WithDefault("60s")
    Duration maxBackoff();

    /** How long one try may take, connecting included. */
    @WithDefault("10s")
    Duration timeout();
}
