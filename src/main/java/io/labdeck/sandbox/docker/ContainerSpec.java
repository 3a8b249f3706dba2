package io.labdeck.sandbox.docker;

import java.util.ArrayList;
import java.util.List;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;

import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxRequest;

/**
 * The host configuration of a sandbox container: limits, its own network and volumes, and the Docker-in-Docker
 * mode when the lab needs an inner engine. The host's Docker socket is never mounted.
 */
final class ContainerSpec {

    static final String HOME = "/root";
    static final String INNER_DOCKER = "/var/lib/docker";

    private ContainerSpec() {
    }

    static String containerName(String sessionId) {
        return "labdeck-" + sessionId;
    }

    static String networkName(String sessionId) {
        return "labdeck-" + sessionId;
    }

    static String homeVolume(String sessionId) {
        return "labdeck-" + sessionId + "-home";
    }

    static String dockerVolume(String sessionId) {
        return "labdeck-" + sessionId + "-docker";
    }

    /**
     * The host configuration. {@code host-gateway} in the request's extra hosts becomes {@code gateway}: the host's
     * address on the sandbox's own network. Docker's own {@code host-gateway} is the address of the host's docker0,
     * which an inner engine's docker0 (same default subnet) hides inside the sandbox.
     */
    static HostConfig hostConfig(SandboxRequest request, SandboxConfig config,
            java.util.function.Supplier<String> gateway) {
        List<Bind> binds = new ArrayList<>();
        binds.add(new Bind(homeVolume(request.sessionId()), new Volume(HOME)));
        // The inner engine's storage is a tmpfs whose pages are charged to the sandbox: its memory limit grows by the
        // disk quota, so the quota (not the memory limit) is what a learner's images run into.
        long memory = request.limits().memoryBytes() + (request.docker() ? request.limits().diskBytes() : 0);
        SandboxHostConfig host = new SandboxHostConfig();
        host
                .withMemory(memory)
                .withMemorySwap(memory)
                .withNanoCPUs((long) (request.limits().cpus() * 1_000_000_000L))
                .withPidsLimit((long) request.limits().pids())
                .withNetworkMode(networkName(request.sessionId()))
                .withInit(false);
        if (!request.hosts().isEmpty()) {
            host.withExtraHosts(request.hosts().entrySet().stream().map(e -> e.getKey() + ":"
                    + (e.getValue().equals("host-gateway") ? gateway.get() : e.getValue()))
                    .sorted().toArray(String[]::new));
        }
        if (request.docker()) {
            binds.add(new Bind(dockerVolume(request.sessionId()), new Volume(INNER_DOCKER)));
            dind(host, binds, config);
        } else {
            host.withSecurityOpts(List.of("no-new-privileges"));
        }
        return host.withBinds(binds);
    }

    private static void dind(SandboxHostConfig host, List<Bind> binds, SandboxConfig config) {
        switch (config.dindMode()) {
            case PRIVILEGED -> host.withPrivileged(true);
            case RUNTIME -> host.withRuntime(config.dindRuntime());
            case CAPS -> {
                // --privileged fails where CAP_SYS_RESOURCE is missing from the bounding set; this set works there.
                host.withCapAdd(Capability.ALL).withCapDrop(Capability.SYS_RESOURCE)
                        .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
                        .withCgroupnsMode("host");
                host.withUnconfinedSystemPaths();
                binds.add(Bind.parse("/sys/fs/cgroup:/sys/fs/cgroup:rw"));
            }
        }
    }

    /** Driver options of the inner engine's volume: a tmpfs of the disk quota (overlay2 works on it). */
    static java.util.Map<String, String> dockerVolumeOptions(SandboxRequest request) {
        return java.util.Map.of("type", "tmpfs", "device", "tmpfs",
                "o", "size=" + Math.max(request.limits().diskBytes() >> 20, 64) + "m,mode=0711");
    }

    static List<String> env(SandboxRequest request) {
        List<String> env = new ArrayList<>();
        env.add("LABDECK_SESSION=" + request.sessionId());
        if (request.docker()) {
            env.add("LABDECK_DOCKER=1");
        }
        request.env().forEach((k, v) -> env.add(k + "=" + v));
        return env;
    }
}
