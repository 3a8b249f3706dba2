package io.labdeck.sandbox;

import java.util.Map;
import java.util.Optional;

/**
 * What to create.
 *
 * @param sessionId the session that owns the sandbox; it names and labels everything created
 * @param labId     the lab, for labels
 * @param image     container image
 * @param docker    whether a Docker engine must run inside
 * @param limits    resource limits, already capped by the platform
 * @param env       environment for the sandbox's processes
 * @param setup     shell run once the sandbox is ready; a failure fails the creation
 */
public record SandboxRequest(String sessionId, String labId, String image, boolean docker, SandboxLimits limits,
        Map<String, String> env, Optional<String> setup) {

    public SandboxRequest {
        env = Map.copyOf(env);
    }
}
