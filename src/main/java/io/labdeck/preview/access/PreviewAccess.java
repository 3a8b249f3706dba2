package io.labdeck.preview.access;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import io.labdeck.lab.LabCatalog;
import io.labdeck.lab.PortPolicy;
import io.labdeck.preview.PreviewConfig;
import io.labdeck.preview.PreviewDenied;
import io.labdeck.preview.PreviewTarget;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.session.LabSession;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionState;
import io.labdeck.session.lifecycle.OwnerTokens;
import io.labdeck.session.SessionEvent;
import io.labdeck.session.store.SessionStore;
import io.labdeck.terminal.InstructorWatch;

/**
 * Who may open a session's ports: its owner (the owner cookie) and the instructor of its class (signed in); then
 * where the sandbox is. Unknown sessions are 404, other viewers 403, a session not ready 409. Decisions are kept
 * for {@code labdeck.preview.access-cache}; {@link #cached} reads them without blocking, {@link #decide} may read the
 * database and inspect the sandbox, so it runs on a worker thread.
 */
@ApplicationScoped
public class PreviewAccess {

    private record Decision(PreviewTarget target, PreviewDenied denied) {
        PreviewTarget get() {
            if (denied != null) {
                throw denied;
            }
            return target;
        }
    }

    private final SessionStore store;
    private final OwnerTokens owners;
    private final InstructorWatch instructors;
    private final SandboxProvisioner sandboxes;
    private final LabCatalog labs;
    private final Clock clock;
    private final DecisionCache<Decision> cache;
    private final Optional<String> targetAddress;

    public PreviewAccess(SessionStore store, OwnerTokens owners, InstructorWatch instructors,
            SandboxProvisioner sandboxes, LabCatalog labs, Clock clock, PreviewConfig config) {
        this.store = store;
        this.owners = owners;
        this.instructors = instructors;
        this.sandboxes = sandboxes;
        this.labs = labs;
        this.clock = clock;
        this.cache = new DecisionCache<>(config.accessCache(), System::nanoTime);
        this.targetAddress = config.targetAddress();
    }

    /** The kept decision for this caller, without blocking: the target, empty when none is kept, or the denial. */
    public Optional<PreviewTarget> cached(String sessionId, Caller caller) {
        Decision decision = cache.get(sessionId + "|" + caller.cacheKey());
        return decision == null ? Optional.empty() : Optional.of(decision.get());
    }

    /** The session's sandbox if the caller may see it; blocking. */
    public PreviewTarget decide(String sessionId, Caller caller) {
        Decision decision;
        try {
            decision = new Decision(lookUp(sessionId, caller), null);
        } catch (PreviewDenied denied) {
            decision = new Decision(null, denied);
        }
        // A session still starting is asked again at once; refusals and targets are kept.
        if (decision.denied() == null || decision.denied().status() != 409) {
            cache.put(sessionId + "|" + caller.cacheKey(), decision);
        }
        return decision.get();
    }

    /** Forgets every decision (tests). */
    public void forget() {
        cache.clear();
    }

    /**
     * A session that ended or got a new sandbox is decided afresh: its old sandbox's address may soon be another
     * session's (Docker hands out bridge addresses again).
     */
    void onSession(@ObservesAsync SessionEvent e) {
        if (e.kind() == SessionEvent.Kind.ENDED || e.kind() == SessionEvent.Kind.RESET) {
            cache.forget(e.sessionId() + "|");
        }
    }

    private PreviewTarget lookUp(String sessionId, Caller caller) {
        LabSession session = store.find(sessionId).orElseThrow(() -> new PreviewDenied(404, "session-not-found",
                "No session has the id '" + sessionId + "'."));
        boolean owner = caller.vouchedOwner() || owners.recognise(caller.ownerCookie()).map(OwnerToken::hash)
                .filter(session.ownerHash()::equals).isPresent();
        Optional<String> instructor = owner ? Optional.empty() : caller.instructor().get()
                .filter(n -> instructors.teaches(n, sessionId));
        if (!owner && instructor.isEmpty()) {
            throw new PreviewDenied(403, "forbidden", "This preview belongs to another browser's session: only the"
                    + " browser that started the session, and the instructor of its class when signed in, may open"
                    + " its ports. Open it from the session's lab page.");
        }
        if (session.state() != SessionState.READY || session.sandboxId().isEmpty()) {
            throw new PreviewDenied(409, "session-not-ready", "This session's sandbox is " + session.state().word()
                    + "; its ports can be opened once it is ready.");
        }
        SandboxRef sandbox = new SandboxRef(session.id(), session.sandboxId().get());
        String address = targetAddress.or(() -> sandboxes.inspect(sandbox).address()).orElseThrow(() -> new PreviewDenied(502,
                "sandbox-unreachable", "The sandbox of this session has no address Labdeck can reach; it may have"
                        + " stopped."));
        PortPolicy ports = labs.find(session.labId()).map(l -> l.sandbox().ports()).orElse(PortPolicy.defaults());
        if (owner) {
            store.touch(sessionId, clock.instant());
        }
        return new PreviewTarget(sandbox, address, ports, instructor);
    }
}
