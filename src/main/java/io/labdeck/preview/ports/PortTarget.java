package io.labdeck.preview.ports;

import java.util.Optional;

import io.labdeck.lab.PortPolicy;
import io.labdeck.sandbox.SandboxRef;

/**
 * A session's sandbox as port detection needs it.
 *
 * @param sessionId the session
 * @param sandbox   its sandbox
 * @param policy    the lab's ports
 * @param address   where Labdeck reaches the sandbox, if it has an address
 */
record PortTarget(String sessionId, SandboxRef sandbox, PortPolicy policy, Optional<String> address) {
}
