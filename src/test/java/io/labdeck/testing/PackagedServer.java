package io.labdeck.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

/**
 * The packaged server (target/quarkus-app) as a process of its own, for the tests that stop, kill or outlive it:
 * owner label labdeck-it, its data in a folder of the test's, its registry door and mirror on ports 5098 and 5099.
 */
public final class PackagedServer {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final Path data;
    private final Process process;

    private PackagedServer(int port, Path data, Process process) {
        this.port = port;
        this.data = data;
        this.process = process;
    }

    /** Starts the server on this port with these extra system properties and waits until it is ready. */
    public static PackagedServer start(int port, Path data, String... properties) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Dquarkus.http.port=" + port,
                "-Dlabdeck.sandbox.owner=labdeck-it", "-Dlabdeck.registry.address=registry.labdeck:5098",
                "-Dlabdeck.registry.mirror-port=5099"));
        command.addAll(List.of(properties));
        command.addAll(List.of("-jar", System.getProperty("labdeck.jar", "target/quarkus-app/quarkus-run.jar")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()));
        builder.environment().put("LABDECK_DATA", data.toString());
        PackagedServer server = new PackagedServer(port, data, builder.start());
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .alias("the server becomes ready; see " + server.log()).until(() -> {
                        assertThat(server.process.isAlive()).as("the server died; see %s", server.log()).isTrue();
                        return server.ready();
                    });
        } catch (RuntimeException | AssertionError e) {
            server.process.destroyForcibly();
            throw e;
        }
        return server;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return data.resolve("server.log");
    }

    /** Whether /q/health/ready answers 200: the engine, the registry and the firewall are all there. */
    public boolean ready() throws InterruptedException {
        try {
            return send("GET", "/q/health/ready", null, null).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** An HTTP request; cookie is a whole "name=value" pair, json a body (or null). */
    public HttpResponse<String> send(String method, String path, String cookie, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A session started as a browser would.
     *
     * @param id     the session's id
     * @param cookie the owner cookie as a whole "name=value" pair, for {@link #send}
     */
    public record Session(String id, String cookie) {
        /** The cookie's value alone, for {@link TerminalClient#connect}. */
        public String token() {
            return cookie.substring(cookie.indexOf('=') + 1);
        }
    }

    /** Starts a session of the lab in the language (201 expected) and says which. */
    public Session startSession(String labId, String lang) throws IOException, InterruptedException {
        HttpResponse<String> started = send("POST", "/api/sessions", null,
                "{\"labId\":\"" + labId + "\",\"lang\":\"" + lang + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return new Session(field(started.body(), "id"),
                started.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0]);
    }

    /** A normal stop (its shutdown hooks run). */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** kill -9: no shutdown hook, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    public static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static DockerClient docker() {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        return DockerClientImpl.getInstance(config, new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost()).build());
    }
}
