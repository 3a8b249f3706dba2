package io.labdeck.registry;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.sandbox.SandboxProvisioner;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Which session a network address belongs to, asked of the sandbox backend off the event loop. Answers are kept for
 * one second only: a new session's sandbox often gets the address an ended one had, and must not inherit its
 * namespace; one image pull or push makes its requests within that second, so the engine is asked rarely.
 */
@ApplicationScoped
public class SessionAddresses {

    private static final long TTL_NANOS = 1_000_000_000L;

    private record Known(Optional<String> session, long at) {
    }

    private final SandboxProvisioner sandboxes;
    private final Vertx vertx;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public SessionAddresses(SandboxProvisioner sandboxes, Vertx vertx) {
        this.sandboxes = sandboxes;
        this.vertx = vertx;
    }

    Future<Optional<String>> sessionAt(String address) {
        Known k = known.get(address);
        if (k != null && System.nanoTime() - k.at() < TTL_NANOS) {
            return Future.succeededFuture(k.session());
        }
        return vertx.executeBlocking(() -> {
            Optional<String> session = sandboxes.sessionAt(address);
            known.put(address, new Known(session, System.nanoTime()));
            if (known.size() > 4096) {
                known.clear();
            }
            return session;
        }, false);
    }
}
