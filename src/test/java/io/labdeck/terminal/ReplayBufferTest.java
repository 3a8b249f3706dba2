package io.labdeck.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

@Tag("fast")
class ReplayBufferTest {

    private static void assertCleanStart(byte[] kept) throws CharacterCodingException {
        // A strict decoder throws on a cut character; a cut escape would leave a stray "[" or digit first.
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(kept));
        assertThat(kept[0] == 0x1b || kept[0] == '\n' || (kept[0] & 0xC0) != 0x80).isTrue();
    }

    @Test
    void keepsAtLeastTheConfiguredAmountAndCutsAfterANewline() throws Exception {
        ReplayBuffer buffer = new ReplayBuffer(1024);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            String line = "\u001b[32m行 " + i + " 한글 출력\u001b[0m\r\n";
            all.append(line);
            buffer.append(line.getBytes(StandardCharsets.UTF_8));
            if (all.toString().getBytes(StandardCharsets.UTF_8).length >= 1024) {
                assertThat(buffer.size()).isGreaterThanOrEqualTo(1024);
            }
        }
        byte[] kept = buffer.snapshot();
        assertThat(kept.length).isBetween(1024, 2048 + 64);
        assertCleanStart(kept);
        assertThat(new String(kept, StandardCharsets.UTF_8)).startsWith("\u001b[32m行 ").endsWith("行 499 한글 출력\u001b[0m\r\n");
    }

    @Test
    void withoutNewlinesItCutsBeforeAnEscapeOrAtACharacterStart() throws Exception {
        for (String unit : new String[] {"\u001b[1;31m赤", "한국어", "あいうえお"}) {
            ReplayBuffer buffer = new ReplayBuffer(100);
            for (int i = 0; i < 200; i++) {
                buffer.append(unit.getBytes(StandardCharsets.UTF_8));
            }
            byte[] kept = buffer.snapshot();
            assertThat(kept.length).isGreaterThanOrEqualTo(100);
            assertCleanStart(kept);
        }
    }

    @Test
    void aHugeChunkWithoutANewlineKeepsItsTailAndNoMore() throws Exception {
        ReplayBuffer buffer = new ReplayBuffer(64);
        byte[] huge = "b".repeat(3_000_000).concat("end").getBytes(StandardCharsets.UTF_8);
        buffer.append(huge);
        byte[] kept = buffer.snapshot();
        assertThat(kept.length).isBetween(64, 128);
        assertThat(new String(kept, StandardCharsets.UTF_8)).endsWith("bbbend");
    }

    @Test
    void outputThatFillsTheBufferToItsLastByteIsTrimmedWithoutFailing() throws Exception {
        // The shell-killing bug: a full buffer without a newline made the cut read one byte past the end.
        for (int keep : new int[] {16, 64, 1024}) {
            for (int chunk : new int[] {1, 7, keep, keep * 2, keep * 2 + 1, keep * 3}) {
                ReplayBuffer buffer = new ReplayBuffer(keep);
                for (int i = 0; i < 20; i++) {
                    buffer.append("x".repeat(chunk).getBytes(StandardCharsets.UTF_8));
                    assertThat(buffer.size()).as("keep %d, chunks of %d", keep, chunk)
                            .isBetween(Math.min(keep, (i + 1) * chunk), keep * 2);
                }
            }
        }
    }
}
