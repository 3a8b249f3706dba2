package io.labdeck.sandbox.docker;

import java.io.IOException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

import io.labdeck.sandbox.SandboxConfig;

/** One docker-java client for the application, on the zerodep transport (it can hijack stdin for terminals). */
@ApplicationScoped
public class DockerClientProducer {

    private final DefaultDockerClientConfig clientConfig;

    public DockerClientProducer(SandboxConfig config) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        config.dockerHost().ifPresent(builder::withDockerHost);
        this.clientConfig = builder.build();
    }

    /** The transport; terminals use it directly to read a TTY's raw stream in large chunks. */
    @Produces
    @ApplicationScoped
    DockerHttpClient httpClient() {
        return new ZerodepDockerHttpClient.Builder()
                .dockerHost(clientConfig.getDockerHost())
                .sslConfig(clientConfig.getSSLConfig())
                .maxConnections(200)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Produces
    @ApplicationScoped
    DockerClient dockerClient(DockerHttpClient http) {
        return DockerClientImpl.getInstance(clientConfig, http);
    }

    void close(@Disposes DockerHttpClient http) throws IOException {
        http.close();
    }
}
