package io.labdeck.terminal;

import java.util.Arrays;

/**
 * The recent output of a terminal, replayed to a viewer who (re)connects. It keeps at least {@code keep} bytes and
 * at most twice that, however the output comes (one chunk of megabytes without a newline included), and trims its
 * front only where nothing can be cut in half: after a newline (which neither an escape sequence nor a UTF-8
 * character contains), else before an ESC, else at a UTF-8 character start. Not thread-safe: the terminal's reading
 * thread is its only user.
 */
final class ReplayBuffer {

    private static final byte LF = '\n';
    private static final byte ESC = 0x1b;
    private static final int ESC_LOOKBACK = 256;

    private final int keep;
    private byte[] bytes;
    private int size;

    ReplayBuffer(int keep) {
        this.keep = keep;
        this.bytes = new byte[keep * 2];
    }

    void append(byte[] data) {
        if (size + data.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length, size + data.length));
        }
        System.arraycopy(data, 0, bytes, size, data.length);
        size += data.length;
        if (size > keep * 2) {
            int cut = safeCut(size - keep);
            System.arraycopy(bytes, cut, bytes, 0, size - cut);
            size -= cut;
            if (bytes.length > keep * 4) {
                bytes = Arrays.copyOf(bytes, keep * 2 + Math.max(0, size - keep * 2));
            }
        }
    }

    /**
     * Where to cut at or before {@code limit} (0 &lt; limit &lt; size), dropping at least as much as {@code limit} minus
     * {@code keep}: after the last newline in reach, else at an ESC just before, else at a character's start.
     */
    private int safeCut(int limit) {
        for (int i = limit - 1; i >= 0 && i >= limit - keep; i--) {
            if (bytes[i] == LF) {
                return i + 1;
            }
        }
        for (int i = limit; i > 0 && i > limit - ESC_LOOKBACK; i--) {
            if (bytes[i] == ESC) {
                return i;
            }
        }
        int i = limit;
        while (i > 0 && (bytes[i] & 0xC0) == 0x80) {
            i--;
        }
        return i;
    }

    byte[] snapshot() {
        return Arrays.copyOf(bytes, size);
    }

    int size() {
        return size;
    }
}
