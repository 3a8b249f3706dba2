package io.labdeck.preview.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.labdeck.lab.PortPolicy;
import io.labdeck.sandbox.ListeningPort;
import io.labdeck.sandbox.ListeningPort.Scope;
import io.labdeck.sandbox.SandboxPorts;
import io.labdeck.sandbox.SandboxRef;
import io.labdeck.sandbox.fake.FakeSandboxPorts;
import io.labdeck.terminal.ControlMessage;
import io.labdeck.terminal.TerminalService;
import io.vertx.core.Vertx;

/**
 * The detector's polls called directly: a session whose sandbox hangs delays no other, is not scanned twice at once,
 * and only changes are pushed (and a session watched again gets its list at once).
 */
@Tag("fast")
class PortDetectorTest {

    private record Pushed(String sessionId, ControlMessage message) {
    }

    /** The terminal's two calls the detector makes; nothing else of it is used. */
    private static final class Terminals extends TerminalService {
        final LinkedBlockingQueue<Pushed> pushed = new LinkedBlockingQueue<>();

        Terminals() {
            super(null, null, null, null, null);
        }

        @Override
        public void push(String sessionId, ControlMessage message) {
            pushed.add(new Pushed(sessionId, message));
        }
    }

    /** Every session is ready, its sandbox named after it, in a lab that allows every port. */
    private static final class Targets extends PortTargets {
        Targets() {
            super(null, null, null);
        }

        @Override
        Optional<PortTarget> of(String sessionId) {
            return Optional.of(new PortTarget(sessionId, new SandboxRef(sessionId, sessionId), PortPolicy.defaults(),
                    Optional.of("127.0.0.1")));
        }
    }

    private final FakeSandboxPorts fake = new FakeSandboxPorts();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger slowLooks = new AtomicInteger();
    /** The sandbox "slow" hangs until released. */
    private final SandboxPorts ports = sandbox -> {
        if (sandbox.id().equals("slow")) {
            slowLooks.incrementAndGet();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return fake.listening(sandbox);
    };
    private final Vertx vertx = Vertx.vertx();
    private final Terminals terminals = new Terminals();
    private final PortDetector detector = new PortDetector(terminals, new Targets(), new PortScanner(ports,
            new PortProber(vertx, TestPortsConfig.quick()), io.labdeck.preview.PreviewLinks.pathOnly(), TestPortsConfig.quick(),
            Clock.systemUTC()), TestPortsConfig.quick(), Clock.systemUTC());

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        detector.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private Pushed next() throws InterruptedException {
        Pushed p = terminals.pushed.poll(2, TimeUnit.SECONDS);
        assertThat(p).as("a push within 2 s").isNotNull();
        return p;
    }

    /** Polls (as the scheduler would, every 50 ms here) until something is pushed; a busy session is skipped. */
    private Pushed pollUntilPushed(Set<String> sessions) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < end) {
            detector.poll(sessions);
            Pushed p = terminals.pushed.poll(50, TimeUnit.MILLISECONDS);
            if (p != null) {
                return p;
            }
        }
        throw new AssertionError("nothing pushed within 2 s for " + sessions);
    }

    private static List<?> ports(Pushed p) {
        return ((ControlMessage.Ports) p.message()).ports();
    }

    @Test
    void aHangingSandboxDelaysNoOtherAndIsNotScannedTwiceAtOnce() throws Exception {
        fake.set(new SandboxRef("fast", "fast"), new ListeningPort(8050, Scope.LOOPBACK, 1));
        detector.poll(Set.of("slow", "fast"));
        Pushed first = next();
        assertThat(first.sessionId()).isEqualTo("fast");
        assertThat(ports(first)).singleElement().extracting("port").isEqualTo(8050);
        fake.set(new SandboxRef("fast", "fast"), new ListeningPort(8051, Scope.LOOPBACK, 2));
        Pushed second = pollUntilPushed(Set.of("slow", "fast"));
        assertThat(second.sessionId()).isEqualTo("fast");
        assertThat(ports(second)).singleElement().extracting("port").isEqualTo(8051);
        assertThat(slowLooks).as("the hanging session was not scanned again meanwhile").hasValue(1);
        release.countDown();
        assertThat(next().sessionId()).isEqualTo("slow");
    }

    @Test
    void onlyChangesArePushedAndASessionWatchedAgainGetsItsListAtOnce() throws Exception {
        SandboxRef fast = new SandboxRef("fast", "fast");
        fake.set(fast, new ListeningPort(8050, Scope.LOOPBACK, 1));
        detector.poll(Set.of("fast"));
        assertThat(ports(next())).hasSize(1);
        for (int i = 0; i < 6; i++) {
            detector.poll(Set.of("fast"));
            assertThat(terminals.pushed.poll(50, TimeUnit.MILLISECONDS)).as("an unchanged list is not pushed")
                    .isNull();
        }
        fake.set(fast);
        assertThat(ports(pollUntilPushed(Set.of("fast")))).as("the link goes when its port closes").isEmpty();
        detector.poll(Set.of());
        assertThat(ports(pollUntilPushed(Set.of("fast")))).as("watched again: the list, though unchanged").isEmpty();
    }
}
