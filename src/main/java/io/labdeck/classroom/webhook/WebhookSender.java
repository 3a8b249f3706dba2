package io.labdeck.classroom.webhook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.labdeck.classroom.ClassEvent;
import io.labdeck.platform.WarnOnce;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * POSTs every event's envelope to the configured webhook, in order, from one thread of its own. An event only joins
 * a bounded queue on its way: a receiver that is slow or down never holds up the check, join or request that caused
 * the event. A failed try (no answer, or not 2xx) is retried after a wait that doubles, up to the configured number
 * of tries; meanwhile later events wait their turn. Counted in {@code labdeck_webhook_deliveries_total{outcome}}:
 * delivered, retried, failed (given up) and dropped (the queue was full).
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final WebhookConfig config;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final BlockingQueue<ClassEvent> queue;
    private final HttpClient http;
    private final WarnOnce failures = new WarnOnce(LOG, Duration.ofMinutes(10));
    private final Thread sender;

    public WebhookSender(WebhookConfig config, ObjectMapper json, MeterRegistry registry) {
        this.config = config;
        this.json = json;
        this.registry = registry;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, config.queueSize()));
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.sender = config.url().isPresent() ? Thread.ofVirtual().name("webhook").start(this::deliverAll) : null;
    }

    /** Never blocks: the event is queued, or dropped and counted when the queue is full. */
    void onEvent(@ObservesAsync ClassEvent event) {
        if (sender == null) {
            return;
        }
        if (!queue.offer(event)) {
            count("dropped");
            failures.warn("the webhook's queue is full: events are dropped",
                    new IllegalStateException(config.queueSize() + " events wait for " + config.url().orElseThrow()));
        }
    }

    private void deliverAll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                deliver(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(ClassEvent event) throws InterruptedException {
        HttpRequest request = request(event);
        Duration wait = config.initialBackoff();
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            String problem = post(request);
            if (problem == null) {
                count("delivered");
                return;
            }
            if (attempt == config.maxAttempts()) {
                count("failed");
                failures.warn("the webhook " + config.url().orElseThrow() + " did not take an event after "
                        + attempt + " tries; it is given up", new IllegalStateException(problem));
                return;
            }
            count("retried");
            Thread.sleep(wait);   // the back-off between tries of a failing receiver, not a synchronisation
            wait = wait.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait.multipliedBy(2);
        }
    }

    /** Null when the receiver took it (2xx), else what went wrong. */
    private String post(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private HttpRequest request(ClassEvent event) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(event.envelope());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's envelope cannot be written as JSON", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(config.url().orElseThrow()).timeout(config.timeout())
                .header("Content-Type", "application/json").header("X-Labdeck-Event", event.event())
                .header("X-Labdeck-Delivery", Long.toString(event.id()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        config.secret().ifPresent(secret -> request.header("X-Labdeck-Signature", "sha256=" + sign(secret, body)));
        return request.build();
    }

    /** The hex HMAC-SHA256 of the body with the secret: what a receiver computes to know the sender. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private void count(String outcome) {
        registry.counter("labdeck.webhook.deliveries", "outcome", outcome).increment();
    }

    @PreDestroy
    void stop() {
        if (sender != null) {
            sender.interrupt();
        }
    }
}
