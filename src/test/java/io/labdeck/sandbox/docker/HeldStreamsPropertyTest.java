package io.labdeck.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.labdeck.sandbox.TtySize;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The two framings of a held terminal's pipes: docker's multiplexed output, and labdeck-term's framed input. */
@Tag("fast")
class HeldStreamsPropertyTest {

    @Property(tries = 500)
    void outputCutAnywhereComesOutWholeAndInOrder(@ForAll @Size(max = 12) List<@Size(max = 3000) byte[]> payloads,
            @ForAll @Size(max = 40) List<@IntRange(min = 1, max = 5000) Integer> cuts) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < payloads.size(); i++) {
            byte[] p = payloads.get(i);
            stream.writeBytes(ByteBuffer.allocate(8).put(0, (byte) (1 + i % 2)).putInt(4, p.length).array());
            stream.writeBytes(p);
            expected.writeBytes(p);
        }
        byte[] all = stream.toByteArray();
        StreamDemux demux = new StreamDemux();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int at = 0;
        for (int i = 0; at < all.length; i++) {
            int n = Math.min(all.length - at, i < cuts.size() ? cuts.get(i) : all.length);
            byte[] read = new byte[n + 7];   // a read buffer is larger than what the read filled (and is overwritten)
            System.arraycopy(all, at, read, 0, n);
            got.writeBytes(demux.feed(read, n));
            at += n;
        }
        assertThat(got.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Property(tries = 200)
    void inputOfAnySizeIsFramesOfAtMost64KiBThatAddUpToIt(@ForAll @IntRange(max = 300_000) int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        ByteBuffer framed = ByteBuffer.wrap(HeldInput.data(bytes));
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        List<Integer> sizes = new ArrayList<>();
        while (framed.hasRemaining()) {
            assertThat(framed.get()).isEqualTo((byte) 'D');
            int n = framed.getInt();
            sizes.add(n);
            byte[] p = new byte[n];
            framed.get(p);
            payload.writeBytes(p);
        }
        assertThat(payload.toByteArray()).isEqualTo(bytes);
        assertThat(sizes).isNotEmpty().allSatisfy(n -> assertThat(n).isBetween(0, HeldInput.MAX_FRAME));
    }

    @Property(tries = 200)
    void aWindowSizeIsOneFrameOfColumnsThenRows(@ForAll @IntRange(min = 1, max = 1000) int cols,
            @ForAll @IntRange(min = 1, max = 1000) int rows) {
        ByteBuffer frame = ByteBuffer.wrap(HeldInput.size(new TtySize(cols, rows)));
        assertThat(frame.get()).isEqualTo((byte) 'W');
        assertThat(frame.getInt()).isEqualTo(4);
        assertThat(frame.getShort()).isEqualTo((short) cols);
        assertThat(frame.getShort()).isEqualTo((short) rows);
        assertThat(frame.hasRemaining()).isFalse();
    }
}
