package io.labdeck.preview.ports;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.lab.Lab;
import io.labdeck.lab.LabNotFoundException;
import io.labdeck.lab.LabService;
import io.labdeck.lab.PortPolicy;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.session.LabSession;
import io.labdeck.session.SessionState;
import io.labdeck.session.store.SessionStore;

/** Finds a session's sandbox, the lab's ports and the sandbox's address (asked of the engine once per sandbox). */
@ApplicationScoped
class PortTargets {

    private final SessionStore store;
    private final LabService labs;
    private final SandboxProvisioner sandboxes;
    /** A session's sandbox and its address, by session: a reset's new sandbox replaces the old one's. */
    private record Known(String sandboxId, String address) {
    }

    private final Map<String, Known> addresses = new ConcurrentHashMap<>();

    PortTargets(SessionStore store, LabService labs, SandboxProvisioner sandboxes) {
        this.store = store;
        this.labs = labs;
        this.sandboxes = sandboxes;
    }

    /** The target of a ready session with a sandbox, looked up now. */
    Optional<PortTarget> of(String sessionId) {
        return store.find(sessionId).filter(s -> s.state() == SessionState.READY && s.sandboxId().isPresent())
                .map(this::of);
    }

    /** The target of a session that has a sandbox. */
    PortTarget of(LabSession session) {
        SandboxRef sandbox = new SandboxRef(session.id(), session.sandboxId().orElseThrow());
        return new PortTarget(session.id(), sandbox, policy(session.labId()), address(sandbox));
    }

    private PortPolicy policy(String labId) {
        try {
            // The ports the text links to ({{port:N}}, open-port) are expected too: their links show before anything
            // listens, saying why they are not live yet.
            Lab lab = labs.lab(labId);
            PortPolicy ports = lab.sandbox().ports();
            java.util.SortedSet<Integer> expected = new java.util.TreeSet<>(ports.expected());
            expected.addAll(lab.namedPorts());
            return new PortPolicy(ports.allowed(), expected);
        } catch (LabNotFoundException e) {
            return PortPolicy.defaults();
        }
    }

    /** A sandbox keeps its address while it lives; one without an address yet is asked again next time. */
    private Optional<String> address(SandboxRef sandbox) {
        Known known = addresses.get(sandbox.sessionId());
        if (known != null && known.sandboxId().equals(sandbox.id())) {
            return Optional.of(known.address());
        }
        Optional<String> found = sandboxes.inspect(sandbox).address();
        found.ifPresent(a -> addresses.put(sandbox.sessionId(), new Known(sandbox.id(), a)));
        return found;
    }

    /** Forgets a session's sandbox address: it ended, or was reset onto a new sandbox. */
    void forget(String sessionId) {
        addresses.remove(sessionId);
    }

    /** Forgets a sandbox's address (its session is no longer watched). */
    void forget(SandboxRef sandbox) {
        addresses.remove(sandbox.sessionId());
    }
}
