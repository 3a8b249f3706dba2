package io.labdeck.preview.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;


import io.labdeck.lab.PortPolicy;
import io.labdeck.sandbox.ListeningPort;
import io.labdeck.sandbox.ListeningPort.Scope;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.fake.FakeSandboxPorts;
import io.vertx.core.Vertx;

/** One session's links from the fake SPI and a real local HTTP server, on a clock the test moves. */
@Tag("fast")
class PortScannerTest {

    private static final SandboxRef SANDBOX = new SandboxRef("s1", "c1");

    /** A clock the test sets. */
    private static final class MovingClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-02T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final FakeSandboxPorts ports = new FakeSandboxPorts();
    private final MovingClock clock = new MovingClock();
    /** Connections the stand-in app accepted: one per probe. */
    private final AtomicInteger requests = new AtomicInteger();
    private Vertx vertx;
    private PortProber prober;
    private PortScanner scanner;
    private java.net.ServerSocket server;
    private int live;

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        prober = new PortProber(vertx, TestPortsConfig.quick());
        scanner = new PortScanner(ports, prober, io.labdeck.preview.PreviewLinks.pathOnly(), TestPortsConfig.quick(), clock);
        // An app that waits for a request on each connection, as a web server does, until the client goes.
        server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        java.net.ServerSocket listening = server;
        Thread.ofVirtual().start(() -> {
            while (!listening.isClosed()) {
                try {
                    java.net.Socket s = listening.accept();
                    requests.incrementAndGet();
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            s.getInputStream().readAllBytes();
                        } catch (IOException e) {
                            // the probe went
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        live = server.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        prober.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private PortTarget target(PortPolicy policy) {
        return new PortTarget("s1", SANDBOX, policy, Optional.of("127.0.0.1"));
    }

    private static PortPolicy policy(int from, int to, Integer... expected) {
        return new PortPolicy(List.of(new PortPolicy.Range(from, to)), new TreeSet<>(List.of(expected)));
    }

    @Test
    void eachScopeHasItsStateAndReasonAndExpectedPortsShowBeforeTheyListen() {
        ports.set(SANDBOX, new ListeningPort(live, Scope.REACHABLE, 1), new ListeningPort(8002, Scope.LOOPBACK, 2),
                new ListeningPort(8003, Scope.ENGINE, 3));
        List<PortView> views = scanner.scan(target(policy(1024, 65535, 5001)), scanner.memory());
        assertThat(views).extracting(PortView::port).containsExactlyInAnyOrder(live, 5001, 8002, 8003);
        PortView answering = views.stream().filter(v -> v.port() == live).findFirst().orElseThrow();
        assertThat(answering).isEqualTo(new PortView(live, "/sessions/s1/ports/" + live + "/", true,
                PortState.ANSWERING, "it accepts connections", "open"));
        assertThat(views).filteredOn(v -> v.port() == 5001).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(PortState.NOT_LISTENING);
            assertThat(v.reason()).isEqualTo("nothing listens on 5001 yet");
        });
        assertThat(views).filteredOn(v -> v.port() == 8002).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(PortState.LOCAL_ONLY);
            assertThat(v.reasonCode()).isEqualTo("loopback-only");
        });
        assertThat(views).filteredOn(v -> v.port() == 8003).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(PortState.LOCAL_ONLY);
            assertThat(v.reason()).contains("docker run -p 8003:8003");
        });
        assertThat(views).isSortedAccordingTo(java.util.Comparator.comparingInt(PortView::port));
    }

    @Test
    void portsTheLabDoesNotAllowAndTheDockerApiAreLeftOut() {
        ports.set(SANDBOX, new ListeningPort(2375, Scope.REACHABLE, 1), new ListeningPort(9000, Scope.REACHABLE, 2),
                new ListeningPort(8050, Scope.LOOPBACK, 3));
        List<PortView> views = scanner.scan(target(policy(2000, 8100)), scanner.memory());
        assertThat(views).extracting(PortView::port).containsExactly(8050);
        assertThat(requests).as("nothing refused is probed").hasValue(0);
    }

    @Test
    void aProgramsOwnLocalSocketOnAnEphemeralPortIsNotTheLearnersAndIsLeftOut() {
        List<PortView> views = PortStates.views(List.of(new ListeningPort(34221, Scope.LOOPBACK, 1),
                new ListeningPort(40000, Scope.ENGINE, 2), new ListeningPort(40001, Scope.LOOPBACK, 3),
                new ListeningPort(50000, Scope.REACHABLE, 4), new ListeningPort(8080, Scope.LOOPBACK, 5)),
                java.util.Map.of(), policy(1024, 65535, 40001), p -> "/p/" + p);
        assertThat(views).extracting(PortView::port).as("containerd's random 127.0.0.1 port is not listed; a port"
                + " the lab names, one reachable and one the learner bound to loopback outside the range are")
                .containsExactly(8080, 40001, 50000);
    }

    @Test
    void anAnsweringPortIsProbedOnceUntilTheRecheckOrANewSocket() {
        ProbeMemory memory = scanner.memory();
        PortTarget target = target(policy(1024, 65535));
        ports.set(SANDBOX, new ListeningPort(live, Scope.REACHABLE, 7));
        for (int i = 0; i < 5; i++) {
            scanner.scan(target, memory);
            clock.now = clock.now.plusSeconds(1);
        }
        assertThat(requests).as("one probe for five scans").hasValue(1);
        clock.now = clock.now.plus(Duration.ofSeconds(30));
        scanner.scan(target, memory);
        assertThat(requests).as("again after the recheck interval").hasValue(2);
        ports.set(SANDBOX, new ListeningPort(live, Scope.REACHABLE, 8));
        scanner.scan(target, memory);
        assertThat(requests).as("at once for a restarted server").hasValue(3);
    }

    @Test
    void aPortThatStopsAnsweringIsRetriedSoonAndAClosedOneGoes() throws Exception {
        ProbeMemory memory = scanner.memory();
        PortTarget target = target(policy(1024, 65535));
        int dead;
        try (var s = new java.net.ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        ports.set(SANDBOX, new ListeningPort(dead, Scope.REACHABLE, 1));
        assertThat(scanner.scan(target, memory)).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(PortState.NOT_ANSWERING);
            assertThat(v.reasonCode()).isEqualTo("refused");
        });
        ports.set(SANDBOX, new ListeningPort(dead, Scope.REACHABLE, 1), new ListeningPort(live, Scope.REACHABLE, 2));
        clock.now = clock.now.plusSeconds(2);
        assertThat(scanner.scan(target, memory)).extracting(PortView::state)
                .containsExactlyElementsOf(dead < live ? List.of(PortState.NOT_ANSWERING, PortState.ANSWERING)
                        : List.of(PortState.ANSWERING, PortState.NOT_ANSWERING));
        ports.set(SANDBOX);
        assertThat(scanner.scan(target, memory)).as("links go when their ports close").isEmpty();
    }

    @Test
    void aFailingPortIsProbedAtEveryScanWhileItsSocketIsYoungThenAfterTheRetryInterval() throws IOException {
        // A port with nothing behind it, as an engine publishes one: it accepts and hangs up at once.
        java.net.ServerSocket failing = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        AtomicInteger tries = new AtomicInteger();
        Thread.ofVirtual().start(() -> {
            while (!failing.isClosed()) {
                try (java.net.Socket s = failing.accept()) {
                    tries.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        try {
            ProbeMemory memory = scanner.memory();
            PortTarget target = target(policy(1024, 65535));
            ports.set(SANDBOX, new ListeningPort(failing.getLocalPort(), Scope.REACHABLE, 5));
            Instant born = clock.now;
            int[] expected = {1, 2, 3, 3, 4};
            int[] at = {0, 1, 6, 7, 8};
            for (int i = 0; i < at.length; i++) {
                clock.now = born.plusSeconds(at[i]);
                assertThat(scanner.scan(target, memory)).singleElement().extracting(PortView::reasonCode)
                        .isEqualTo("closed");
                assertThat(tries).as("probes by " + at[i] + " s").hasValue(expected[i]);
            }
        } finally {
            failing.close();
        }
    }

    @Test
    void aSandboxWithoutAnAddressSaysSo() {
        ports.set(SANDBOX, new ListeningPort(live, Scope.REACHABLE, 1));
        var views = scanner.scan(new PortTarget("s1", SANDBOX, policy(1024, 65535), Optional.empty()),
                scanner.memory());
        assertThat(views).singleElement().extracting(PortView::reasonCode).isEqualTo("no-address");
    }
}
