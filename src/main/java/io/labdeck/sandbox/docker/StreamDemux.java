package io.labdeck.sandbox.docker;

/**
 * Takes apart the stream of an exec without a TTY, as it arrives in reads of any size: docker sends each piece of
 * stdout or stderr as an 8-byte header (the stream's number, three zero bytes, the length as a 4-byte big-endian
 * number) and then the bytes. Both streams are the terminal's output, so what a read completes is handed on as one
 * array: a flood's frames of a few KiB become one piece per read, as on a TTY stream.
 */
final class StreamDemux {

    private static final int HEADER = 8;

    private final byte[] header = new byte[HEADER];
    private int headerFilled;
    /** Bytes of the current frame's payload still to come. */
    private long remaining;

    /**
     * The payload bytes among {@code data[0..length)}, in order, in a new array (empty when the read held only
     * headers). The payloads are first moved together in place, over the headers, so a read costs one copy, as on a
     * TTY stream.
     */
    byte[] feed(byte[] data, int length) {
        int kept = 0;
        int i = 0;
        while (i < length) {
            if (remaining > 0) {
                int n = (int) Math.min(remaining, length - i);
                System.arraycopy(data, i, data, kept, n);
                kept += n;
                i += n;
                remaining -= n;
                continue;
            }
            header[headerFilled++] = data[i++];
            if (headerFilled == HEADER) {
                headerFilled = 0;
                remaining = (header[4] & 0xffL) << 24 | (header[5] & 0xff) << 16 | (header[6] & 0xff) << 8
                        | (header[7] & 0xff);
            }
        }
        return java.util.Arrays.copyOf(data, kept);
    }
}
