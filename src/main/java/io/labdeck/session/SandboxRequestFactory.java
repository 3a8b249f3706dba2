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
                Math.min(spec.pids().orElse(config.pids()), config.maxPids()));
        return new SandboxRequest(sessionId, lab.id(), spec.image().orElse(config.defaultImage()), spec.docker(), limits,
                Map.of("LABDECK_REGISTRY", registry.address()),
                lab.setup().map(new Placeholders(registry.address(), sessionId)::apply));
    }
}
