package io.labdeck.classroom.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.labdeck.classroom.ClassEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The webhook against a real HTTP receiver on loopback: retried while it fails, signed, in order, and never in the
 * way of whoever caused the event, even while the receiver hangs.
 */
@Tag("fast")
class WebhookSenderTest {

    private final ObjectMapper json = new ObjectMapper();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private WebhookSender sender;

    private record Received(String body, String signature, String event) {
    }

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.stop();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aFailingReceiverIsTriedAgainUntilItTakesTheSignedEnvelopeThenTheNextInOrder() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        start(exchange -> {
            int n = tries.incrementAndGet();
            if (n <= 3) {
                exchange.sendResponseHeaders(503, -1);   // down for its first three tries
            } else {
                record(exchange);
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        sender = new WebhookSender(config(100, 8), json, registry);
        sender.onEvent(event(1, "step.passed"));
        sender.onEvent(event(2, "help.requested"));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(tries.get()).isEqualTo(5);
        assertThat(received).extracting(Received::event).containsExactly("step.passed", "help.requested");
        Received first = received.getFirst();
        JsonNode envelope = json.readTree(first.body());
        assertThat(envelope.get("event").asText()).isEqualTo("step.passed");
        assertThat(envelope.get("class").asText()).isEqualTo("c1");
        assertThat(envelope.get("session").asText()).isEqualTo("s1");
        assertThat(envelope.get("step").asText()).isEqualTo("look-around");
        assertThat(envelope.get("data").get("attempt").asInt()).isEqualTo(1);
        assertThat(first.signature()).isEqualTo("sha256=" + WebhookSender.sign("s3cret",
                first.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(registry.counter("labdeck.webhook.deliveries", "outcome", "retried").count()).isEqualTo(3);
        assertThat(registry.counter("labdeck.webhook.deliveries", "outcome", "delivered").count()).isEqualTo(2);
    }

    @Test
    void aReceiverThatHangsHoldsUpNoOneAndAFullQueueDropsAndCounts() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start(exchange -> {
            try {
                release.await();   // the receiver takes the connection and never answers, until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sender = new WebhookSender(config(4, 2), json, registry);
        try {
            // Every call returns at once: the first event is in flight, four wait, the rest find the queue full.
            for (int i = 0; i < 20; i++) {
                sender.onEvent(event(i, "step.failed"));
            }
            assertThat(registry.counter("labdeck.webhook.deliveries", "outcome", "dropped").count())
                    .isBetween(15.0, 16.0);
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                registry.counter("labdeck.webhook.deliveries", "outcome", "delivered").count() >= 4);
    }

    private void record(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        received.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("X-Labdeck-Signature"),
                exchange.getRequestHeaders().getFirst("X-Labdeck-Event")));
    }

    private void start(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", handler);
        receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
    }

    private static ClassEvent event(long id, String name) {
        return new ClassEvent(id, name, Instant.parse("2026-12-02T10:00:00Z"), Optional.of("c1"), Optional.of("s1"),
                Optional.of("container-basics"), Optional.of("look-around"), Map.of("attempt", 1));
    }

    private WebhookConfig config(int queueSize, int attempts) {
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        return new WebhookConfig() {
            public Optional<URI> url() {
                return Optional.of(url);
            }

            public Optional<String> secret() {
                return Optional.of("s3cret");
            }

            public int queueSize() {
                return queueSize;
            }

            public int maxAttempts() {
                return attempts;
            }

            public Duration initialBackoff() {
                return Duration.ofMillis(20);
            }

            public Duration maxBackoff() {
                return Duration.ofMillis(100);
            }

            public Duration timeout() {
                return Duration.ofSeconds(30);
            }
        };
    }
}
