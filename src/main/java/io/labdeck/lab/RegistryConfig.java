package io.labdeck.lab;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The image registry that labs push to and pull from; it fills {@code {{registry}}} in lab text. */
@ConfigMapping(prefix = "labdeck.registry")
public interface RegistryConfig {

    /** host:port of the registry as seen from inside a sandbox. */
    @WithDefault("localhost:5000")
    String address();
}
