package io.labdeck.sandbox.docker;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;

import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxIncident;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The engine's {@code oom} events of this installation's sandboxes, as {@link SandboxIncident}s. The engine sends one
 * when the kernel kills a process at a container's memory limit (containerd watches the memory cgroup), whether or
 * not the container survives it. The event stream is opened at startup and opened again when it ends (an engine
 * restart), at the latest a minute later.
 */
@ApplicationScoped
class DockerIncidents {

    private static final Logger LOG = Logger.getLogger(DockerIncidents.class);

    private final DockerClient docker;
    private final SandboxConfig config;
    private final Event<SandboxIncident> incidents;
    private volatile Closeable stream;

    DockerIncidents(DockerClient docker, SandboxConfig config, Event<SandboxIncident> incidents) {
        this.docker = docker;
        this.config = config;
        this.incidents = incidents;
    }

    void onStart(@Observes StartupEvent event) {
        watch();
    }

    @Scheduled(every = "60s", delayed = "60s")
    synchronized void watch() {
        if (stream != null) {
            return;
        }
        try {
            stream = docker.eventsCmd().withEventTypeFilter("container").withEventFilter("oom")
                    .withLabelFilter(DockerLabels.OWNER + "=" + config.owner())
                    .exec(new ResultCallback.Adapter<com.github.dockerjava.api.model.Event>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Event e) {
                            String session = e.getActor() == null || e.getActor().getAttributes() == null ? null
                                    : e.getActor().getAttributes().get(DockerLabels.SESSION);
                            boolean terminal = e.getActor() != null && e.getActor().getAttributes() != null
                                    && "terminal".equals(e.getActor().getAttributes().get(DockerLabels.ROLE));
                            if (session != null && !terminal) {
                                incidents.fireAsync(new SandboxIncident(session,
                                        SandboxIncident.Kind.OUT_OF_MEMORY, Instant.now()));
                            }
                        }

                        @Override
                        public void onError(Throwable t) {
                            ended(t);
                        }

                        @Override
                        public void onComplete() {
                            ended(null);
                        }
                    });
        } catch (RuntimeException e) {
            LOG.warnf("cannot follow the engine's events (sandboxes' out-of-memory kills go unreported): %s", e);
        }
    }

    private synchronized void ended(Throwable cause) {
        if (cause != null) {
            LOG.debugf("the engine's event stream ended: %s", cause);
        }
        stream = null;
    }

    @PreDestroy
    synchronized void close() throws IOException {
        Closeable current = stream;
        stream = null;
        if (current != null) {
            current.close();
        }
    }
}
