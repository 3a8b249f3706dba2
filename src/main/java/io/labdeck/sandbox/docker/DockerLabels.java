package io.labdeck.sandbox.docker;

import java.util.List;
import java.util.Map;

/** The labels on everything Labdeck creates, so it can always be found and cleaned up by label. */
final class DockerLabels {

    static final String PLATFORM = "io.labdeck.platform";
    static final String OWNER = "io.labdeck.owner";
    static final String SESSION = "io.labdeck.session";
    static final String LAB = "io.labdeck.lab";
    /** How the sandbox runs ({@link SandboxMode}): where its commands go. */
    static final String MODE = "io.labdeck.mode";
    /** What a container is for when it is no sandbox (the firewall's). */
    static final String ROLE = "io.labdeck.role";

    private DockerLabels() {
    }

    static Map<String, String> of(String owner, String sessionId, String labId) {
        return Map.of(PLATFORM, "labdeck", OWNER, owner, SESSION, sessionId, LAB, labId);
    }

    /** A sandbox container's labels: everything's, and its mode. */
    static Map<String, String> container(String owner, String sessionId, String labId, SandboxMode mode) {
        return Map.of(PLATFORM, "labdeck", OWNER, owner, SESSION, sessionId, LAB, labId, MODE, mode.name());
    }

    /** Label filters ({@code key=value}) selecting this installation's resources, or one session's. */
    static List<String> filter(String owner, String sessionId) {
        return sessionId == null
                ? List.of(PLATFORM + "=labdeck", OWNER + "=" + owner)
                : List.of(PLATFORM + "=labdeck", OWNER + "=" + owner, SESSION + "=" + sessionId);
    }
}
