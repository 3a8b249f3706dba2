package io.labdeck.sandbox.docker;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.github.dockerjava.api.DockerClient;

/** Labdeck is ready only while its Docker engine answers: without it no session can start. */
@Readiness
@ApplicationScoped
public class DockerEngineHealthCheck implements HealthCheck {

    private final DockerClient docker;

    public DockerEngineHealthCheck(DockerClient docker) {
        this.docker = docker;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            var version = docker.versionCmd().exec();
            return HealthCheckResponse.named("docker-engine").up()
                    .withData("version", version.getVersion()).withData("apiVersion", version.getApiVersion()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("docker-engine").down().withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
