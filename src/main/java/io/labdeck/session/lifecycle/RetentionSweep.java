package io.labdeck.session.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.labdeck.platform.WarnOnce;
import io.labdeck.session.SessionConfig;
import io.labdeck.session.store.SessionStore;
import io.labdeck.terminal.TerminalService;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes ended sessions once they are older than the retention (30 days by default): the row, its progress, its
 * check results and its terminal recording. Each session on its own; a failure is logged once per cause and tried
 * again at the next sweep.
 */
@ApplicationScoped
public class RetentionSweep {

    private static final Logger LOG = Logger.getLogger(RetentionSweep.class);
    private static final int BATCH = 500;

    private final SessionStore store;
    private final TerminalService terminals;
    private final SessionConfig config;
    private final Clock clock;
    private final WarnOnce failures = new WarnOnce(LOG, Duration.ofHours(1));

    public RetentionSweep(SessionStore store, TerminalService terminals, SessionConfig config, Clock clock) {
        this.store = store;
        this.terminals = terminals;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${labdeck.session.retention-interval:6h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep();
    }

    /** Deletes what is past the retention; answers how many sessions went. */
    public int sweep() {
        int deleted = 0;
        List<String> batch;
        do {
            batch = store.endedBefore(clock.instant().minus(config.retention()), BATCH);
            for (String id : batch) {
                try {
                    Files.deleteIfExists(terminals.recording(id));
                    store.delete(id);
                    deleted++;
                } catch (IOException | RuntimeException e) {
                    failures.warn("deleting session " + id + " past its retention failed", e);
                    return deleted; // the same session would come first again: next sweep
                }
            }
        } while (batch.size() == BATCH);
        if (deleted > 0) {
            LOG.infof("deleted %d sessions older than %d days, with their progress and recordings", deleted,
                    config.retention().toDays());
        }
        return deleted;
    }
}
