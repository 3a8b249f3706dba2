package io.labdeck.session.lifecycle;

import io.labdeck.session.AuthoringConfig;
import io.labdeck.session.AuthoringDisabledException;
import io.labdeck.session.OwnerToken;
import io.labdeck.session.StoredCheck;
import io.labdeck.session.progress.CheckOutcome;
import io.labdeck.session.progress.ProgressService;
import io.labdeck.session.store.SessionStore;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.check.CheckRunner;

/** What an owner may do with the steps of their session: check, retry a setup, read the history; solve when authoring. */
@ApplicationScoped
public class StepService {

    private final SessionOwnership ownership;
    private final ProgressService progress;
    private final SessionStore store;
    private final AuthoringConfig authoring;

    public StepService(SessionOwnership ownership, ProgressService progress, SessionStore store,
            AuthoringConfig authoring) {
        this.ownership = ownership;
        this.progress = progress;
        this.store = store;
        this.authoring = authoring;
    }

    /** The learner's explicit check (the Check button); it counts as activity. */
    public CheckOutcome check(String sessionId, String stepId, OwnerToken owner) {
        return progress.check(ownership.used(sessionId, owner), stepId, ProgressService.Trigger.BUTTON);
    }

    /** Authoring mode only: performs the step, then checks it. */
    public CheckOutcome solve(String sessionId, String stepId, OwnerToken owner) {
        if (!authoring.enabled()) {
            throw new AuthoringDisabledException();
        }
        return progress.solve(ownership.used(sessionId, owner), stepId);
    }

    /** Runs a failed step setup again. */
    public CheckRunner.ScriptResult retrySetup(String sessionId, String stepId, OwnerToken owner) {
        return progress.retrySetup(ownership.used(sessionId, owner), stepId);
    }

    /** Every check result of the session, oldest first. */
    public List<StoredCheck> history(String sessionId, OwnerToken owner) {
        return store.checks(ownership.owned(sessionId, owner).id());
    }
}
