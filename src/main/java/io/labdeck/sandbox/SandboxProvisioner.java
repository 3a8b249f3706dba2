package io.labdeck.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * Where sandboxes come from. The Docker implementation is the default; others (Kubernetes, a fake for tests) sit
 * behind the same interface. No implementation type leaks through it.
 */
public interface SandboxProvisioner {

    /**
     * Creates and starts a sandbox, returning once it is ready (its init running, its inner engine answering when it
     * has one). On failure nothing is left behind.
     *
     * @throws SandboxFailedException with a message fit for the learner
     */
    Sandbox create(SandboxRequest request);

    /** Runs a command to completion, with a deadline enforced inside the sandbox. */
    ExecResult exec(SandboxRef sandbox, ExecRequest request);

    /**
     * Attaches an interactive TTY to the session's shell, starting it with {@code request.command()} when none runs;
     * output goes to {@code output}. Where the sandbox can hold it, the shell lives in the sandbox, not in the
     * caller: closing the TTY (or a restart of Labdeck) detaches and leaves it, and whatever runs in it, running, and
     * the next attach gets the same shell, with its recent output replayed first. Only an exit of the shell ends it.
     */
    TtySession openTty(SandboxRef sandbox, TtyRequest request, TtyOutput output);

    /** State, published ports and resource use. */
    SandboxState inspect(SandboxRef sandbox);

    /** Resource use now. */
    SandboxStats stats(SandboxRef sandbox);

    /** Stops the sandbox's processes, keeping its storage. Idempotent. */
    void stop(SandboxRef sandbox);

    /** Removes the sandbox and everything it owned: container, network, volumes. Idempotent. */
    void destroy(SandboxRef sandbox);

    /** Every resource carrying this installation's labels, for the reaper. */
    List<SandboxResource> list();

    /** Removes one labelled resource found by {@link #list()}. Idempotent. */
    void remove(SandboxResource resource);

    /** Why sandboxes cannot be closed off from the host now (the firewall could not be set), if they cannot. */
    Optional<String> networkProblem();

    /** Whether the backend answers, for readiness. */
    boolean available();
}
