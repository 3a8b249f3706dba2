package io.labdeck.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One write in flight, the rest merged behind it, and a viewer that falls too far behind given up, never waited on. */
@Tag("fast")
class ViewerQueueTest {

    private final List<Object> written = new ArrayList<>();
    private final ViewerQueue queue = new ViewerQueue(100, written::add);

    private static String text(Object frame) {
        return frame instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : "[" + frame + "]";
    }

    @Test
    void theFirstFrameGoesAtOnceAndWhatComesMeanwhileIsMergedInOrder() {
        assertThat(queue.offer(bytes("a"))).isTrue();
        assertThat(written).hasSize(1);
        queue.offer(bytes("b"));
        queue.offer(bytes("c"));
        queue.offer("{\"type\":\"status\"}");
        queue.offer(bytes("d"));
        assertThat(written).as("nothing more until the write completes").hasSize(1);
        queue.written();
        queue.written();
        queue.written();
        queue.written();
        assertThat(written.stream().map(ViewerQueueTest::text)).containsExactly("a", "bc", "[{\"type\":\"status\"}]",
                "d");
        queue.offer(bytes("e"));
        assertThat(written).as("idle again: the next frame goes at once").hasSize(5);
    }

    @Test
    void aViewerThatFallsTooFarBehindIsRefusedWithoutWaitingAndThenTakesNothing() {
        queue.offer(bytes("x"));
        assertThat(queue.offer(bytes("y".repeat(60)))).isTrue();
        assertThat(queue.offer(bytes("z".repeat(60)))).as("160 bytes would wait, the limit is 100").isFalse();
        assertThat(queue.waiting()).isEqualTo(60);
        queue.failed();
        assertThat(queue.dead()).isTrue();
        queue.written();
        queue.offer(bytes("more"));
        assertThat(written).as("a dropped viewer is written nothing more").hasSize(1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
