package io.labdeck.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A webhook receiver that takes the request and never answers: checks, joins and the grid go on while the webhook's
 * request hangs, on in-memory sandboxes.
 */
@Tag("fast")
@QuarkusTest
@TestProfile(ClassWebhookTest.HangingWebhook.class)
class ClassWebhookTest {

    static final int PORT = freePort();
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final AtomicInteger HANGING = new AtomicInteger();
    private static HttpServer receiver;

    /** Classes whose events go to the hanging receiver, with a long timeout so a wait on it could not go unseen. */
    public static class HangingWebhook extends ClassroomProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("labdeck.webhook.url", "http://127.0.0.1:" + PORT + "/hook");
            config.put("labdeck.webhook.timeout", "10m");
            config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:classroom-webhook;DB_CLOSE_DELAY=-1");
            return config;
        }
    }

    @BeforeAll
    static void hang() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hook", exchange -> {
            HANGING.incrementAndGet();
            try {
                RELEASE.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        RELEASE.countDown();
        receiver.stop(0);
    }

    @Test
    void checksAnswerWhileTheWebhookHangs() {
        ClassApi.Made c = ClassApi.create("gated-fixture");
        ClassApi.Learner sato = ClassApi.join(c.joinCode(), "佐藤");
        await().atMost(Duration.ofSeconds(10)).until(() -> HANGING.get() >= 1);   // the webhook is stuck on an event
        for (int i = 0; i < 5; i++) {
            ClassApi.check(sato, "first").then().statusCode(200).body("passed", equalTo(true));
        }
        ClassApi.admin().get("/api/classes/" + c.id() + "/progress").then().statusCode(200)
                .body("learners[0].steps[0].status", equalTo("passed"));
        assertThat(HANGING.get()).as("the receiver still holds the one request it took").isEqualTo(1);
        assertThat(RELEASE.getCount()).as("never released meanwhile").isEqualTo(1);
        ClassApi.end(sato);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
