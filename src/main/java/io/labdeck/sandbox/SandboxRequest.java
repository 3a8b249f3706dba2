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
 * @param hosts     extra host names for the sandbox's {@code /etc/hosts}: name to an IP address, or to
 *                  {@code host-gateway} for the host that runs the engine, at its address on the sandbox's own network
 *                  (where Labdeck's registry proxy listens)
 * @param egress    what the sandbox may reach beyond itself
 * @param files     files written where the learner works before the setup runs: a path relative to the learner's
 *                  home to its content (the Docker client's config with the session's registry credentials, say)
 */
public record SandboxRequest(String sessionId, String labId, String image, boolean docker, SandboxLimits limits,
        Map<String, String> env, Optional<String> setup, Map<String, String> hosts, Egress egress,
        Map<String, String> files) {

    public SandboxRequest {
        env = Map.copyOf(env);
        hosts = Map.copyOf(hosts);
        files = Map.copyOf(files);
    }

    /** A request that reaches the registry and writes no files. */
    public SandboxRequest(String sessionId, String labId, String image, boolean docker, SandboxLimits limits,
            Map<String, String> env, Optional<String> setup, Map<String, String> hosts) {
        this(sessionId, labId, image, docker, limits, env, setup, hosts, Egress.REGISTRY, Map.of());
    }

    /** A request with no extra host names. */
    public SandboxRequest(String sessionId, String labId, String image, boolean docker, SandboxLimits limits,
            Map<String, String> env, Optional<String> setup) {
        this(sessionId, labId, image, docker, limits, env, setup, Map.of());
    }
}
