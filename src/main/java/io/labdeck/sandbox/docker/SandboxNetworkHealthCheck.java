package io.labdeck.sandbox.docker;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.labdeck.sandbox.SandboxProvisioner;

/** Labdeck is ready only while sandboxes can be closed off from the host: without that, none may start. */
@Readiness
@ApplicationScoped
public class SandboxNetworkHealthCheck implements HealthCheck {

    private final SandboxProvisioner sandboxes;

    public SandboxNetworkHealthCheck(SandboxProvisioner sandboxes) {
        this.sandboxes = sandboxes;
    }

    @Override
    public HealthCheckResponse call() {
        var problem = sandboxes.networkProblem();
        return problem.map(p -> HealthCheckResponse.named("sandbox-network").down().withData("problem", p).build())
                .orElseGet(() -> HealthCheckResponse.named("sandbox-network").up().build());
    }
}
