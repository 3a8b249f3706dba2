package io.labdeck.lab;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where labs are loaded from. */
@ConfigMapping(prefix = "labdeck.catalog")
public interface CatalogConfig {

    /** The folder of bundled labs, each a {@code <lab-id>/lab.yaml} folder; relative to the working directory. */
    @WithDefault("labs")
    String dir();

    /**
     * More folders of labs, comma-separated. Set from the environment variable {@code LABDECK_LABS}.
     * Lab ids must be unique across all folders.
     */
    Optional<List<String>> extraFolders();
}
