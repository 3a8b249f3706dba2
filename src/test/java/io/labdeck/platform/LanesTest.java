package io.labdeck.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One serial lane per key: in order, never two at once, keys apart, closed for good, idle lanes forgotten. */
@Tag("fast")
class LanesTest {

    private final Lanes lanes = new Lanes("test");

    @AfterEach
    void shutdown() {
        lanes.shutdown();
    }

    @Test
    void tasksOfOneKeyRunOneAtATimeInTheOrderTheyCame() throws Exception {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            all.add(lanes.submit("session", () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                order.add(n);
                Thread.yield();
                running.decrementAndGet();
                return n;
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(most.get()).isEqualTo(1);
        assertThat(order).isSortedAccordingTo(Integer::compare).hasSize(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.size() == 0);
    }

    /**
     * Submitters racing a lane that keeps going idle (each task is short, so lanes are forgotten and made again all
     * the time): never two tasks of the key at once. The race of finding an idle lane, its being forgotten, and
     * queueing on it anyway let a second lane run beside the first (a duplicate step_progress insert in CI).
     */
    @Test
    void submittersRacingALaneThatGoesIdleNeverRunTwoTasksOfItAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> submitters = new ArrayList<>();
        List<CompletableFuture<Integer>> all = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            submitters.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 2000; i++) {
                    all.add(lanes.submit("k", () -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                        running.decrementAndGet();
                        return 1;
                    }));
                    if (i % 50 == 0) {
                        Thread.yield();
                    }
                }
            }));
        }
        go.countDown();
        for (Thread t : submitters) {
            t.join();
        }
        for (CompletableFuture<Integer> f : all) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertThat(most.get()).as("tasks of one key running at once").isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> lanes.size() == 0);
    }

    @Test
    void differentKeysDoNotWaitForEachOther() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CompletableFuture<String> slow = lanes.submit("a", () -> {
            blocked.await(10, TimeUnit.SECONDS);
            return "a";
        });
        assertThat(lanes.submit("b", () -> "b").get(5, TimeUnit.SECONDS)).isEqualTo("b");
        assertThat(slow).isNotDone();
        blocked.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("a");
    }

    @Test
    void aFailingTaskFailsItsFutureAndTheNextStillRuns() throws Exception {
        CompletableFuture<Object> failing = lanes.submit("k", () -> {
            throw new IllegalStateException("broken");
        });
        assertThat(lanes.submit("k", () -> "next").get(5, TimeUnit.SECONDS)).isEqualTo("next");
        assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClosedLaneRunsWhatWasQueuedAndRefusesTheRest() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CompletableFuture<String> first = lanes.submit("k", () -> {
            hold.await(10, TimeUnit.SECONDS);
            return "first";
        });
        CompletableFuture<String> queued = lanes.submit("k", () -> "queued");
        lanes.close("k");
        CompletableFuture<String> late = lanes.submit("k", () -> "late");
        hold.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("queued");
        assertThatThrownBy(() -> late.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(Lanes.ClosedException.class);
        assertThat(lanes.isClosed("k")).isTrue();
    }
}
