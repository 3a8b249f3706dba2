package io.labdeck.sandbox.docker;

import java.nio.ByteBuffer;

import io.labdeck.sandbox.TtySize;

/**
 * Input for {@code labdeck-term} on pipes, in its frames: a type byte, a 4-byte big-endian length, the bytes. 'D'
 * carries bytes for the shell, 'W' a window size (columns, rows, 2 bytes each), which docker's exec resize cannot
 * pass on without a TTY. A large write is cut into frames of at most {@link #MAX_FRAME} bytes, so the holder never
 * waits for more than that to arrive before the shell gets the first of it.
 */
final class HeldInput {

    static final int MAX_FRAME = 64 * 1024;
    private static final int HEADER = 5;

    private HeldInput() {
    }

    /** The bytes as 'D' frames, all in one array, so that they are queued (or refused) as one. */
    static byte[] data(byte[] bytes) {
        int frames = Math.max(1, (bytes.length + MAX_FRAME - 1) / MAX_FRAME);
        ByteBuffer out = ByteBuffer.allocate(bytes.length + frames * HEADER);
        for (int at = 0; at < bytes.length || out.position() == 0; at += MAX_FRAME) {
            int n = Math.min(MAX_FRAME, bytes.length - at);
            out.put((byte) 'D').putInt(n).put(bytes, at, n);
        }
        return out.array();
    }

    /** A 'W' frame; sizes beyond what the pty's 16-bit fields hold are cut to the largest. */
    static byte[] size(TtySize size) {
        return ByteBuffer.allocate(HEADER + 4).put((byte) 'W').putInt(4)
                .putShort((short) Math.min(size.cols(), 0xffff)).putShort((short) Math.min(size.rows(), 0xffff))
                .array();
    }
}
