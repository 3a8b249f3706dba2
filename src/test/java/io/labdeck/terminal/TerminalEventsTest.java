package io.labdeck.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TerminalEventsTest {

    @Test
    void aFastProducerWaitsForTheConsumerSoPendingOutputStaysBounded() throws Exception {
        TerminalEvents events = new TerminalEvents(8192, 2048);
        AtomicLong produced = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        Thread producer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < 10_000; i++) {
                    events.output(new byte[1000]);
                    produced.addAndGet(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        });
        // Nobody consumes: the producer must stop once about 8 KiB are pending.
        assertThat(done.await(300, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(produced.get()).isLessThanOrEqualTo(8192 + 1000);

        long consumed = 0;
        while (consumed < 10_000_000L) {
            TerminalEvents.Event event = events.take();
            assertThat(event).isInstanceOf(TerminalEvents.Output.class);
            int length = ((TerminalEvents.Output) event).data().length;
            assertThat(length).as("frames are coalesced up to the frame size").isLessThanOrEqualTo(2048);
            consumed += length;
        }
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        producer.join();
    }

    @Test
    void eventsKeepTheirOrderAndCloseDrainsThenEnds() throws Exception {
        TerminalEvents events = new TerminalEvents(1 << 16, 1 << 12);
        events.output("a".getBytes());
        events.add(new TerminalEvents.Control("{\"type\":\"status\",\"state\":\"exited\"}"));
        events.output("b".getBytes());
        events.close();
        assertThat(events.output("c".getBytes())).isFalse();
        assertThat(new String(((TerminalEvents.Output) events.take()).data())).isEqualTo("a");
        assertThat(events.take()).isInstanceOf(TerminalEvents.Control.class);
        assertThat(new String(((TerminalEvents.Output) events.take()).data())).isEqualTo("b");
        assertThat(events.take()).isNull();
    }
}
