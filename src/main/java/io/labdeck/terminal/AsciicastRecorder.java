package io.labdeck.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a terminal's output and resizes to an asciicast v2 file. Output bytes are decoded as one stream, so a
 * character split across chunks is written whole. A file that exists (the server restarted) is continued, with
 * times still counted from its header. Output past {@code maxBytes} is not recorded (one note says so): a learner's
 * {@code yes} must not fill the server's disk. Not thread-safe: the terminal's pump is its only user.
 */
final class AsciicastRecorder implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;
    private final double start;
    private final long maxBytes;
    private long written;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer carry = ByteBuffer.allocate(0);

    AsciicastRecorder(Path file, int cols, int rows, long maxBytes) throws IOException {
        Files.createDirectories(file.getParent());
        this.maxBytes = maxBytes;
        this.written = Files.exists(file) ? Files.size(file) : 0;
        Double existing = headerTimestamp(file);
        this.start = existing != null ? existing : now();
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (existing == null) {
            out.write("{\"version\":2,\"width\":" + cols + ",\"height\":" + rows + ",\"timestamp\":" + (long) start
                    + ",\"env\":{\"TERM\":\"xterm-256color\"}}\n");
        }
    }

    private static Double headerTimestamp(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return null;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return JSON.readTree(reader.readLine()).path("timestamp").asDouble();
        }
    }

    void output(byte[] data) throws IOException {
        if (written >= maxBytes) {
            return;
        }
        ByteBuffer in = ByteBuffer.allocate(carry.remaining() + data.length).put(carry).put(data).flip();
        CharBuffer chars = CharBuffer.allocate(data.length + carry.capacity() + 1);
        decoder.decode(in, chars, false);
        carry = ByteBuffer.allocate(in.remaining()).put(in).flip();
        chars.flip();
        if (chars.hasRemaining()) {
            event("o", chars.toString());
        }
    }

    void resize(int cols, int rows) throws IOException {
        event("r", cols + "x" + rows);
    }

    private void event(String code, String data) throws IOException {
        StringBuilder line = new StringBuilder(data.length() + 32).append('[');
        appendTime(line, now() - start);
        line.append(", \"").append(code).append("\", ");
        quote(line, data);
        line.append("]\n");
        written += utf8Length(line);
        out.write(line.toString());
        if (written >= maxBytes) {
            out.write("[" + String.format(Locale.ROOT, "%.6f", now() - start)
                    + ", \"o\", \"\\r\\n[Labdeck: the recording stops here; it reached its size limit.]\\r\\n\"]\n");
        }
    }

    /** The size of the text in UTF-8, the file's encoding: the cap is in bytes on disk, not in chars. */
    static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static void appendTime(StringBuilder line, double seconds) {
        long micros = Math.round(seconds * 1e6);
        String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
        line.append(micros / 1_000_000).append('.').append(fraction);
    }

    /** JSON string escaping, by hand: this runs over every byte a terminal prints. */
    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static double now() {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }
}
