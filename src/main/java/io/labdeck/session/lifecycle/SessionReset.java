package io.labdeck.session.lifecycle;

import io.labdeck.session.LabSession;
import io.labdeck.session.SessionEvent;
import io.labdeck.session.SessionNotReadyException;
import io.labdeck.session.SessionState;
import io.labdeck.session.progress.ProgressService;
import io.labdeck.session.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.labdeck.lab.LabService;
import io.labdeck.sandbox.Sandbox;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.terminal.TerminalService;

/**
 * Gives a ready session a fresh sandbox and keeps its progress: what the learner broke is gone, what they passed
 * stays passed. While it happens the session is STARTING, so checks and terminals wait; its open steps' setups
 * run again. Who may ask is the caller's business (the owner, or its class's instructor).
 */
@ApplicationScoped
public class SessionReset {

    private static final Logger LOG = Logger.getLogger(SessionReset.class);

    private final SessionStore store;
    private final SandboxProvisioner sandboxes;
    private final SandboxRequestFactory requests;
    private final LabService labs;
    private final ProgressService progress;
    private final TerminalService terminals;
    private final SessionService sessions;
    private final Clock clock;
    private final Event<SessionEvent> events;

    public SessionReset(SessionStore store, SandboxProvisioner sandboxes, SandboxRequestFactory requests,
            LabService labs, ProgressService progress, TerminalService terminals, SessionService sessions,
            Clock clock, Event<SessionEvent> events) {
        this.store = store;
        this.sandboxes = sandboxes;
        this.requests = requests;
        this.labs = labs;
        this.progress = progress;
        this.terminals = terminals;
        this.sessions = sessions;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Replaces the session's sandbox; answers the session with its new one.
     *
     * @param by who asked, for the event: {@code owner} or an instructor's name
     * @throws SessionNotReadyException when the session is not ready (starting, being reset, or over)
     * @throws SandboxFailedException   when no new sandbox could be made: the session has then failed
     */
    public LabSession reset(LabSession session, String by) {
        if (session.state() != SessionState.READY || session.sandboxId().isEmpty()
                || !store.changeState(session.id(), SessionState.READY, SessionState.STARTING)) {
            throw new SessionNotReadyException("This session is " + store.find(session.id())
                    .map(s -> s.state().word()).orElse("gone") + "; only a ready session can be reset.");
        }
        Instant started = clock.instant();
        LabSession resetting = session.withState(SessionState.STARTING);
        terminals.restart(session.id(), "starting");
        try {
            LabSession fresh = progress.replaceSandbox(resetting, () -> replace(resetting));
            LOG.infof("session %s reset by %s", session.id(), by);
            events.fireAsync(SessionEvent.of(SessionEvent.Kind.RESET, fresh, clock.instant(), Map.of("by", by,
                    "tookMs", Long.toString(Duration.between(started, clock.instant()).toMillis()))));
            return fresh;
        } catch (SandboxFailedException e) {
            LOG.warnf("session %s: its reset failed: %s (%s)", session.id(), e.getMessage(), e.detail());
            sessions.finish(resetting, SessionState.FAILED);
            throw e;
        }
    }

    private LabSession replace(LabSession session) {
        sandboxes.destroy(new SandboxRef(session.id(), session.sandboxId().orElse("")));
        Sandbox sandbox = sandboxes.create(requests.request(session.id(), labs.lab(session.labId())));
        LabSession current = store.find(session.id()).orElse(session);
        if (current.state() != SessionState.STARTING) { // ended meanwhile: its new sandbox goes too
            sandboxes.destroy(sandbox.ref());
            throw new SessionNotReadyException("This session " + current.state().word() + " while it was reset.");
        }
        return store.update(new LabSession(session.id(), session.labId(), session.lang(), session.ownerHash(),
                SessionState.READY, session.createdAt(), current.expiresAt(), clock.instant(),
                Optional.of(sandbox.ref().id())));
    }
}
