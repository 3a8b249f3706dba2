package io.labdeck.sandbox;

import java.util.List;

/**
 * The TCP ports something listens on in a sandbox now, for the port preview's links. Called about once a second per
 * open terminal, so a backend should look cheaply (the host's view of the sandbox's sockets, not a command run in
 * it) where it can. Separate from {@link SandboxProvisioner}, which creates and runs sandboxes; where the platform
 * reaches a {@link ListeningPort.Scope#REACHABLE} port is {@link SandboxState#address()}.
 */
public interface SandboxPorts {

    /**
     * The listening ports, each once (in its most reachable scope), by port. Empty for a sandbox that is gone.
     *
     * @throws SandboxFailedException when the sandbox's sockets cannot be read now
     */
    List<ListeningPort> listening(SandboxRef sandbox);
}
