package io.labdeck.session.lifecycle;

import io.labdeck.session.LabSession;
import io.labdeck.session.OutOfCapacityException;
import io.labdeck.session.OwnerQuotaException;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.SessionConfig;
import io.labdeck.session.SessionEvent;
import io.labdeck.session.SessionIds;
import io.labdeck.session.SessionState;
import io.labdeck.session.StartLimits;
import io.labdeck.session.TooManyStartingException;
import io.labdeck.session.progress.ProgressService;
import io.labdeck.session.progress.StepGate;
import io.labdeck.session.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.labdeck.lab.Lab;
import io.labdeck.lab.LabService;
import io.labdeck.sandbox.Sandbox;
import io.labdeck.sandbox.SandboxFailedException;
import io.labdeck.sandbox.SandboxProvisioner;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.terminal.TerminalService;

/**
 * Starts, shows, extends and ends learners' sessions, each with a sandbox of its own. Capacity is checked before
 * anything is made; a failed start leaves nothing running.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    private final LabService labs;
    private final SandboxProvisioner sandboxes;
    private final SandboxRequestFactory requests;
    private final SessionStore store;
    private final SessionConfig config;
    private final SessionMetrics metrics;
    private final Clock clock;
    private final TerminalService terminals;
    private final ProgressService progress;
    private final SessionOwnership ownership;
    private final StartRateLimiter rate;
    private final Event<SessionEvent> events;
    private final Semaphore starting;

    public SessionService(LabService labs, SandboxProvisioner sandboxes, SandboxRequestFactory requests,
            SessionStore store, SessionConfig config, SessionMetrics metrics, Clock clock,
            TerminalService terminals, ProgressService progress, SessionOwnership ownership, StartRateLimiter rate,
            Event<SessionEvent> events) {
        this.labs = labs;
        this.sandboxes = sandboxes;
        this.requests = requests;
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.terminals = terminals;
        this.progress = progress;
        this.ownership = ownership;
        this.rate = rate;
        this.events = events;
        this.starting = new Semaphore(config.maxStarting());
    }

    /**
     * Starts a session for the owner: provisions its sandbox and runs the lab's setup. Refused when the client's
     * address has started too many sessions lately, too many are starting now, the owner holds as many live
     * sessions as they may, or every seat is taken.
     */
    public LabSession start(String labId, String lang, OwnerToken owner, String clientAddress) {
        return start(new Start(SessionIds.next(), labs.lab(labId, lang), lang, owner, clientAddress,
                new StartLimits(config.maxLive(), config.maxPerOwner(), config.maxPerOwnerPerLab(),
                        config.maxLivePerAddress()), Optional.empty()));
    }

    /**
     * Starts a seat's session (a class's learner, say), with the id the caller chose: it counts toward the
     * capacity and the start rate, but not toward the owner's quota nor the address's cap (the class bounds its
     * seats itself). It lasts until {@code until} when given (within the longest lifetime), else the lab's duration.
     */
    public LabSession startSeat(String id, String labId, String lang, OwnerToken owner, String clientAddress,
            Optional<Instant> until) {
        return start(new Start(id, labs.lab(labId, lang), lang, owner, clientAddress,
                new StartLimits(config.maxLive(), Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE), until));
    }

    /** What one start asks for. */
    private record Start(String id, Lab lab, String lang, OwnerToken owner, String clientAddress, StartLimits limits,
            Optional<Instant> until) {
    }

    private LabSession start(Start start) {
        String clientAddress = start.clientAddress();
        try {
            rate.acquire(clientAddress);
        } catch (TooManyStartingException e) {
            metrics.failed("rate-limited");
            throw e;
        }
        if (!starting.tryAcquire()) {
            metrics.failed("too-many-starting");
            throw new TooManyStartingException("Too many sessions are starting right now; try again shortly.",
                    config.retryAfter());
        }
        try {
            return provision(start, StartRateLimiter.group(clientAddress));
        } finally {
            starting.release();
        }
    }

    private LabSession provision(Start start, String clientAddress) {
        Lab lab = start.lab();
        String lang = start.lang();
        Instant now = clock.instant();
        Duration duration = lab.sandbox().duration().orElse(config.defaultDuration());
        // A seat's end is a time of day (its class's end), not a duration from when the sandbox is ready.
        Optional<Instant> until = start.until().filter(now::isBefore)
                .map(u -> u.isAfter(now.plus(config.maxLifetime())) ? now.plus(config.maxLifetime()) : u);
        LabSession session = new LabSession(start.id(), lab.id(), lang, start.owner().hash(), SessionState.STARTING,
                now, until.orElse(now.plus(duration)), now, Optional.empty());
        try {
            store.insertWithin(session, start.limits(), clientAddress);
        } catch (OutOfCapacityException e) {
            metrics.failed("out-of-capacity");
            throw e;
        } catch (OwnerQuotaException e) {
            metrics.failed("owner-quota");
            throw e;
        }
        try {
            Sandbox sandbox = sandboxes.create(requests.request(session.id(), lab));
            metrics.started(sandbox.startTime());
            LOG.infof("session %s (%s/%s) ready in %d ms", session.id(), lab.id(), lang,
                    sandbox.startTime().toMillis());
            Instant ready = clock.instant();
            LabSession live = store.update(new LabSession(session.id(), lab.id(), lang, session.ownerHash(),
                    SessionState.READY, now, until.orElse(ready.plus(duration)), ready,
                    Optional.of(sandbox.ref().id())));
            events.fireAsync(SessionEvent.of(SessionEvent.Kind.STARTED, live, ready, Map.of("lang", lang)));
            progress.openSteps(live);
            return live;
        } catch (SandboxFailedException e) {
            metrics.failed("sandbox-failed");
            LOG.warnf("session %s (%s) failed to start: %s (%s)", session.id(), lab.id(), e.getMessage(), e.detail());
            store.update(session.withState(SessionState.FAILED));
            events.fireAsync(SessionEvent.of(SessionEvent.Kind.ENDED, session, clock.instant(),
                    Map.of("state", SessionState.FAILED.word())));
            throw e;
        }
    }

    /** The owner's session, counting the call as a sign of life. */
    public LabSession get(String id, OwnerToken owner) {
        return ownership.used(id, owner);
    }

    /** Every step of the session's lab with its status in the session. */
    public SessionView view(LabSession session) {
        Map<String, StepGate.Gate> gates = progress.gates(session);
        var placeholders = labs.placeholders(session.id());
        List<SessionView.StepView> steps = gates.values().stream()
                .map(g -> SessionView.StepView.of(g, session.lang(), placeholders)).toList();
        return new SessionView(session.id(), session.labId(), session.lang(), session.state().word(),
                session.expiresAt(), "/api/sessions/" + session.id() + "/terminal", steps, StepGate.complete(gates));
    }

    /** The owner's most recent session of a lab in a language, live or not: a returning learner's progress. */
    public Optional<LabSession> latest(OwnerToken owner, String labId, String lang) {
        labs.lab(labId, lang);
        return owner == null ? Optional.empty() : store.latest(owner.hash(), labId, lang);
    }

    /** The owner's live sessions. */
    public List<LabSession> liveOwnedBy(OwnerToken owner) {
        return store.liveOwnedBy(owner.hash());
    }

    /** Ends the owner's session and removes its sandbox. */
    public void end(String id, OwnerToken owner) {
        finish(ownership.owned(id, owner), SessionState.ENDED);
    }

    /** Ends a session for the platform (expiry, orphaning): the sandbox and everything it owned go. */
    void finish(LabSession session, SessionState state) {
        // The state first: from now on the session is not live, so nothing attaches or checks anew.
        if (session.state().live()) {
            store.update(session.withState(state));
            LOG.infof("session %s %s", session.id(), state.word());
            events.fireAsync(SessionEvent.of(SessionEvent.Kind.ENDED, session, clock.instant(),
                    Map.of("state", state.word())));
        }
        terminals.close(session.id(), state == SessionState.EXPIRED ? "expired" : "ended");
        progress.close(session.id());
        sandboxes.destroy(new SandboxRef(session.id(), session.sandboxId().orElse("")));
    }

}
