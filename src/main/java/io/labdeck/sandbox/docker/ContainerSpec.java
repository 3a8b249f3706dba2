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

    static HostConfig hostConfig(SandboxRequest request, SandboxConfig config) {
        List<Bind> binds = new ArrayList<>();
        binds.add(new Bind(homeVolume(request.sessionId()), new Volume(HOME)));
        HostConfig host = HostConfig.newHostConfig()
                .withMemory(request.limits().memoryBytes())
                .withMemorySwap(request.limits().memoryBytes())
                .withNanoCPUs((long) (request.limits().cpus() * 1_000_000_000L))
                .withPidsLimit((long) request.limits().pids())
                .withNetworkMode(networkName(request.sessionId()))
                .withInit(false);
        if (request.docker()) {
            binds.add(new Bind(dockerVolume(request.sessionId()), new Volume(INNER_DOCKER)));
            dind(host, binds, config);
        } else {
            host.withSecurityOpts(List.of("no-new-privileges"));
        }
        return host.withBinds(binds);
    }

    private static void dind(HostConfig host, List<Bind> binds, SandboxConfig config) {
        switch (config.dindMode()) {
            case PRIVILEGED -> host.withPrivileged(true);
            case RUNTIME -> host.withRuntime(config.dindRuntime());
            case CAPS -> {
                // --privileged fails where CAP_SYS_RESOURCE is missing from the bounding set; this set works there.
                host.withCapAdd(Capability.ALL).withCapDrop(Capability.SYS_RESOURCE)
                        .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined",
                                "systempaths=unconfined"))
                        .withCgroupnsMode("host");
                binds.add(Bind.parse("/sys/fs/cgroup:/sys/fs/cgroup:rw"));
            }
        }
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
