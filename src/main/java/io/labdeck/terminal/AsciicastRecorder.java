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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a terminal's output and resizes to an asciicast v2 file. Output bytes are decoded as one stream, so a
 * character split across chunks is written whole. A file that exists (the server restarted) is continued, with
 * times still counted from its header. Not thread-safe: the terminal's pump is its only user.
 */
final class AsciicastRecorder implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;
    private final double start;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer carry = ByteBuffer.allocate(0);

    AsciicastRecorder(Path file, int cols, int rows) throws IOException {
        Files.createDirectories(file.getParent());
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
        out.write("[" + String.format(Locale.ROOT, "%.6f", now() - start) + ", \"" + code + "\", " + quote(data)
                + "]\n");
    }

    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double now() {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }
}
