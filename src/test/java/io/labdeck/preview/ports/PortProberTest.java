package io.labdeck.preview.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.vertx.core.Vertx;

/** Probes against real local servers: HTTP that answers, one that fails, a closed port, silence, not HTTP. */
@Tag("fast")
class PortProberTest {

    private static Vertx vertx;
    private static PortProber prober;
    private final java.util.List<AutoCloseable> servers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        prober = new PortProber(vertx, TestPortsConfig.quick());
    }

    @AfterAll
    static void stop() throws Exception {
        prober.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeServers() throws Exception {
        for (AutoCloseable s : servers) {
            s.close();
        }
    }

    private Probe probe(int port) throws Exception {
        return prober.probe("127.0.0.1", port).get(5, TimeUnit.SECONDS);
    }

    private int http(int status, java.util.List<String> agents) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(() -> server.stop(0));
        return server.getAddress().getPort();
    }

    /** A raw TCP server: each connection is handed to {@code handler} on a thread of its own. */
    private int raw(Consumer<Socket> handler) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        servers.add(server);
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> handler.accept(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server.getLocalPort();
    }

    @Test
    void anHttpServerAnswersAndSeesNoRequest() throws Exception {
        var agents = new CopyOnWriteArrayList<String>();
        Probe p = probe(http(404, agents));
        assertThat(p).isEqualTo(new Probe(true, "open", "it accepts connections"));
        assertThat(agents).as("nothing in the app's log: a check reading it must see the learner's requests only")
                .isEmpty();
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Probe p = probe(port);
        assertThat(p.answering()).isFalse();
        assertThat(p.code()).isEqualTo("refused");
        assertThat(p.reason()).startsWith("connection refused");
    }

    @Test
    void aServerThatHangsUpAtOnceIsClosedAndOneThatGreetsAnswers() throws Exception {
        int hangsUp = raw(s -> {
            try {
                s.close(); // what an engine's published port does with nothing behind it
            } catch (IOException e) {
                // closed
            }
        });
        Probe closed = probe(hangsUp);
        assertThat(closed.answering()).isFalse();
        assertThat(closed.code()).isEqualTo("closed");
        int greets = raw(s -> {
            try (s; OutputStream out = s.getOutputStream()) {
                out.write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                s.getInputStream().read(new byte[4096]);
            } catch (IOException e) {
                // closed
            }
        });
        assertThat(probe(greets)).isEqualTo(new Probe(true, "greets", "it answers"));
    }
}
