package io.labdeck.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Authoring mode: tools for lab authors that must never reach learners. */
@ConfigMapping(prefix = "labdeck.authoring")
public interface AuthoringConfig {

    /**
     * Whether "solve this step" is offered on the lab page and {@code POST .../steps/{id}/solve} answers. Off by
     * default, on in Quarkus dev mode; a production installation never turns it on.
     */
    @WithDefault("false")
    boolean enabled();
}
