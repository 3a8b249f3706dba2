package io.labdeck.session;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.labdeck.lab.Lab;
import io.labdeck.lab.Placeholders;
import io.labdeck.lab.RegistryConfig;
import io.labdeck.lab.SandboxSpec;
import io.labdeck.sandbox.SandboxConfig;
import io.labdeck.sandbox.SandboxLimits;
import io.labdeck.sandbox.SandboxRequest;

/** Turns what a lab asks for into a sandbox request: platform defaults fill gaps, platform maxima cap requests. */
@ApplicationScoped
public class SandboxRequestFactory {

    private final SandboxConfig config;
    private final RegistryConfig registry;

    public SandboxRequestFactory(SandboxConfig config, RegistryConfig registry) {
        this.config = config;
        this.registry = registry;
    }

    public SandboxRequest request(String sessionId, Lab lab) {
        SandboxSpec spec = lab.sandbox();
        SandboxLimits limits = new SandboxLimits(
                Math.min(spec.memoryBytes().orElse(config.memory().asLongValue()), config.maxMemory().asLongValue()),
                Math.min(spec.cpus().orElse(config.cpus()), config.maxCpus()),
                Math.min(spec.pids().orElse(config.pids()), config.maxPids()),
                spec.docker() ? Math.min(spec.diskBytes().orElse(config.disk().asLongValue()),
                        config.maxDisk().asLongValue()) : 0);
        return new SandboxRequest(sessionId, lab.id(), spec.image().orElse(config.defaultImage()), spec.docker(), limits,
                Map.of("LABDECK_REGISTRY", registry.address()),
                lab.setup().map(new Placeholders(registry.address(), sessionId)::apply), registryHost());
    }

    /** The registry's name in the sandbox's hosts file, unless it is an IP address or left to DNS. */
    private Map<String, String> registryHost() {
        String host = registry.host();
        boolean literal = host.matches("[0-9.]+") || host.startsWith("[");
        return literal || registry.route().equals("dns") ? Map.of() : Map.of(host, registry.route());
    }
}
