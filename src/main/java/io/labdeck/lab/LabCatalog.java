package io.labdeck.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * The labs Labdeck serves, loaded once at startup from {@code labs/} and the folders in {@code LABDECK_LABS}.
 * Loading fails as a whole, with every problem listed, so a broken lab is found before a learner meets it.
 */
@Startup
@ApplicationScoped
public class LabCatalog {

    private static final Logger LOG = Logger.getLogger(LabCatalog.class);

    private final Map<String, Lab> labs;

    public LabCatalog(CatalogConfig config, LabLoader loader) {
        this.labs = loadOrExit(config, loader);
    }

    /**
     * A broken lab stops the server with the problems alone: an author needs file, line and cause, not a stack
     * trace. Tests still get the exception.
     */
    private static Map<String, Lab> loadOrExit(CatalogConfig config, LabLoader loader) {
        try {
            Map<String, Lab> labs = load(config, loader);
            LOG.infof("Loaded %d labs: %s", labs.size(), labs.keySet().stream().sorted().toList());
            return labs;
        } catch (LabLoadException e) {
            if (LaunchMode.current() == LaunchMode.TEST) {
                throw e;
            }
            LOG.error(e.getMessage() + "\nLabdeck did not start. Fix the labs above and start it again.");
            System.out.flush();
            System.err.flush();
            // System.exit here would wait for Quarkus' shutdown hook, which waits for this very startup: halt.
            // Nothing is open yet: the catalogue loads before any sandbox, session or socket exists.
            Runtime.getRuntime().halt(2);
            return Map.of();
        }
    }

    private static Map<String, Lab> load(CatalogConfig config, LabLoader loader) {
        List<java.nio.file.Path> roots = new ArrayList<>();
        roots.add(java.nio.file.Path.of(config.dir()));
        config.extraFolders().ifPresent(extra -> extra.stream().filter(s -> !s.isBlank())
                .map(String::trim).map(java.nio.file.Path::of).forEach(roots::add));
        Map<String, Lab> byId = new LinkedHashMap<>();
        loader.loadAll(roots).forEach(l -> byId.put(l.id(), l));
        return Map.copyOf(byId);
    }

    /** Every lab, ordered by id. */
    public List<Lab> all() {
        return labs.values().stream().sorted(Comparator.comparing(Lab::id)).toList();
    }

    public Optional<Lab> find(String id) {
        return Optional.ofNullable(labs.get(id));
    }
}
