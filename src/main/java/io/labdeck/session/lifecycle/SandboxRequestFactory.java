package io.labdeck.session.lifecycle;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.lab.Lab;
import io.labdeck.lab.Placeholders;
import io.labdeck.platform.RegistryConfig;
import io.labdeck.lab.SandboxSpec;
import io.labdeck.platform.RegistryCredentials;
import io.labdeck.sandbox.Egress;
import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxLimits;
import io.labdeck.sandbox.SandboxRequest;

/** Turns what a lab asks for into a sandbox request: platform defaults fill gaps, platform maxima cap requests. */
@ApplicationScoped
public class SandboxRequestFactory {

    private final SandboxConfig config;
    private final RegistryConfig registry;
    private final RegistryCredentials credentials;

    public SandboxRequestFactory(SandboxConfig config, RegistryConfig registry, RegistryCredentials credentials) {
        this.config = config;
        this.registry = registry;
        this.credentials = credentials;
    }

    public SandboxRequest request(String sessionId, Lab lab) {
        SandboxSpec spec = lab.sandbox();
        SandboxLimits limits = new SandboxLimits(
                Math.min(spec.memoryBytes().orElse(config.memory().asLongValue()), config.maxMemory().asLongValue()),
                Math.min(spec.cpus().orElse(config.cpus()), config.maxCpus()),
                Math.min(spec.pids().orElse(config.pids()), config.maxPids()),
                spec.docker() ? Math.min(spec.diskBytes().orElse(config.disk().asLongValue()),
                        config.maxDisk().asLongValue()) : 0);
        Egress egress = spec.egress().flatMap(Egress::of).orElse(config.egress()).atMost(config.maxEgress());
        // The Docker client logs in to the registry door with the session's own credentials: docker push needs no
        // docker login, and the door knows the session by them.
        Map<String, String> files = spec.docker() && egress != Egress.NONE
                ? Map.of(".docker/config.json", credentials.dockerConfig(registry.address(), sessionId)) : Map.of();
        return new SandboxRequest(sessionId, lab.id(), spec.image().orElse(config.defaultImage()), spec.docker(), limits,
                Map.of("LABDECK_REGISTRY", registry.address(), "LABDECK_MIRROR", registry.mirrorAddress()),
                lab.setup().map(new Placeholders(registry.address(), sessionId)::apply),
                egress == Egress.NONE ? Map.of() : registryHost(), egress, files);
    }

    /** The registry's name in the sandbox's hosts file, unless it is an IP address or left to DNS. */
    private Map<String, String> registryHost() {
        String host = registry.host();
        boolean literal = host.matches("[0-9.]+") || host.startsWith("[");
        return literal || registry.route().equals("dns") ? Map.of() : Map.of(host, registry.route());
    }
}
