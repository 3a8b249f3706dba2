package io.labdeck.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.labdeck.platform.RegistryConfig;

/**
 * Labdeck is ready only while the registry behind its proxy answers: without it, labs with Docker inside can pull
 * no image and push nowhere.
 */
@Readiness
@ApplicationScoped
public class RegistryHealthCheck implements HealthCheck {

    private static final String NAME = "image-registry";

    private final RegistryProxyConfig config;
    private final RegistryConfig registry;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public RegistryHealthCheck(RegistryProxyConfig config, RegistryConfig registry) {
        this.config = config;
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        if (!config.enabled()) {
            return HealthCheckResponse.named(NAME).up().withData("proxy", "disabled").build();
        }
        URI v2 = config.upstream().resolve("/v2/");
        try {
            int status = http.send(HttpRequest.newBuilder(v2).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return HealthCheckResponse.named(NAME).status(status == 200).withData("address", registry.address())
                    .withData("upstream", v2.toString()).withData("status", status).build();
        } catch (java.io.IOException e) {
            return HealthCheckResponse.named(NAME).down().withData("upstream", v2.toString())
                    .withData("error", String.valueOf(e.getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named(NAME).down().withData("error", "interrupted").build();
        }
    }
}
