package io.labdeck.session.lifecycle;

import io.labdeck.session.LabSession;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionState;
import io.labdeck.session.store.SessionStore;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.sandbox.SandboxRef;
import io.labdeck.terminal.TerminalAccess;

/**
 * Tells the terminal which sessions a caller may attach to: their owner's browser (the cookie). An instructor of the
 * session's class is let in by the classroom ({@code InstructorWatch}), which then asks for the sandbox here.
 */
@ApplicationScoped
public class SessionTerminalAccess implements TerminalAccess {

    private final SessionStore store;
    private final Clock clock;
    private final OwnerTokens owners;

    public SessionTerminalAccess(SessionStore store, Clock clock, OwnerTokens owners) {
        this.store = store;
        this.clock = clock;
        this.owners = owners;
    }

    @Override
    public Optional<SandboxRef> authorize(String sessionId, String ownerCookie, boolean watch) {
        return owned(sessionId, ownerCookie).filter(s -> s.state() == SessionState.READY)
                .flatMap(s -> s.sandboxId().map(id -> new SandboxRef(s.id(), id)));
    }

    @Override
    public Optional<SandboxRef> sandboxOf(String sessionId) {
        return store.find(sessionId).filter(s -> s.state() == SessionState.READY)
                .flatMap(s -> s.sandboxId().map(id -> new SandboxRef(s.id(), id)));
    }

    @Override
    public boolean owns(String sessionId, String ownerCookie) {
        return owned(sessionId, ownerCookie).isPresent();
    }

    @Override
    public boolean live(String sessionId) {
        return store.find(sessionId).map(s -> s.state() == SessionState.READY).orElse(false);
    }

    @Override
    public void activity(String sessionId) {
        store.touch(sessionId, clock.instant());
    }

    private Optional<LabSession> owned(String sessionId, String ownerCookie) {
        return owners.recognise(ownerCookie).map(OwnerToken::hash)
                .flatMap(hash -> store.find(sessionId).filter(s -> s.ownerHash().equals(hash)));
    }
}
