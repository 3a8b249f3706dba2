package io.labdeck.preview;

import java.util.Optional;

import io.labdeck.lab.PortPolicy;
import io.labdeck.sandbox.SandboxRef;

/**
 * A session's sandbox as the proxy reaches it, once a viewer has been let in.
 *
 * @param sandbox    the session and its sandbox
 * @param address    the sandbox's address, where what it publishes answers
 * @param ports      the lab's port allow-list
 * @param instructor the instructor the viewer came in as (not as the owner), if so
 */
public record PreviewTarget(SandboxRef sandbox, String address, PortPolicy ports, Optional<String> instructor) {

    public String sessionId() {
        return sandbox.sessionId();
    }
}
