package io.labdeck.classroom.instructor;

import io.labdeck.classroom.AdminConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.labdeck.session.InvalidRequestException;
import io.quarkus.runtime.StartupEvent;

/**
 * At startup, creates the first instructor from {@code LABDECK_ADMIN_USER} and {@code LABDECK_ADMIN_PASSWORD}, or
 * sets that instructor's password to the one given. Without both there is nothing to do, and no instructor exists
 * unless the database has some. A password that will not do stops the start: an operator must not believe that an
 * account exists when it does not.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AdminConfig config;
    private final Instructors instructors;

    public AdminBootstrap(AdminConfig config, Instructors instructors) {
        this.config = config;
        this.instructors = instructors;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.user().isEmpty() && config.password().isEmpty()) {
            return;
        }
        if (config.user().isEmpty() || config.password().isEmpty()) {
            LOG.warn("LABDECK_ADMIN_USER and LABDECK_ADMIN_PASSWORD go together; with only one, no instructor is"
                    + " created.");
            return;
        }
        try {
            instructors.put(config.user().get(), config.password().get());
        } catch (InvalidRequestException e) {
            throw new IllegalStateException("LABDECK_ADMIN_USER/LABDECK_ADMIN_PASSWORD: " + e.getMessage(), e);
        }
        LOG.infof("instructor %s is ready (LABDECK_ADMIN_USER)", config.user().get());
    }
}
