package io.labdeck.terminal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test client of the terminal websocket: keeps every byte and control message it receives. */
final class TerminalClient implements AutoCloseable {

    /** A flood test prints 40 MB; only recent output matters to the assertions. */
    private static final int KEEP = 1 << 20;
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final List<String> controls = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Object sending = new Object();
    private final WebSocket socket;

    private TerminalClient(URI uri, String cookie, String origin) throws Exception {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (cookie != null) {
            builder.header("Cookie", "labdeck_owner=" + cookie);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        socket = builder.buildAsync(uri, new Listener()).get(20, TimeUnit.SECONDS);
    }

    static TerminalClient connect(int port, String sessionId, String cookie, boolean watch) throws Exception {
        return new TerminalClient(uri(port, sessionId, watch), cookie, null);
    }

    static TerminalClient connect(int port, String sessionId, String cookie, String origin) throws Exception {
        return new TerminalClient(uri(port, sessionId, false), cookie, origin);
    }

    static URI uri(int port, String sessionId, boolean watch) {
        return URI.create("ws://localhost:" + port + "/api/sessions/" + sessionId + "/terminal"
                + (watch ? "?watch=true" : ""));
    }

    void type(String text) {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** java.net.http allows one send at a time; the cursor-position reply comes from another thread. */
    void send(byte[] bytes) {
        synchronized (sending) {
            socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        }
    }

    /** Sends frames back to back, so that a cursor-position reply cannot land between them. */
    void sendFrames(byte[]... frames) {
        synchronized (sending) {
            for (byte[] frame : frames) {
                socket.sendBinary(ByteBuffer.wrap(frame), true).join();
            }
        }
    }

    void control(String json) {
        synchronized (sending) {
            socket.sendText(json, true).join();
        }
    }

    /** Everything received so far, decoded as one stream. */
    synchronized String text() {
        return output.toString(StandardCharsets.UTF_8);
    }

    List<String> controls() {
        return controls;
    }

    String awaitText(Predicate<String> condition, String what) throws InterruptedException {
        return awaitText(condition, what, Duration.ofSeconds(20));
    }

    String awaitText(Predicate<String> condition, String what, Duration patience) throws InterruptedException {
        return await(() -> condition.test(text()), () -> what + "; screen so far:\n" + tail(), patience);
    }

    /** Waits longer than usual, for output behind a deliberate flood on a busy machine. */
    String awaitOutput(String expected, Duration patience) throws InterruptedException {
        return awaitText(t -> t.contains(expected), "output containing " + expected + " (controls: " + controls + ")",
                patience);
    }

    private String tail() {
        String all = text();
        return all.length() <= 2000 ? all : "[...]" + all.substring(all.length() - 2000);
    }

    String awaitOutput(String expected) throws InterruptedException {
        return awaitText(t -> t.contains(expected), "output containing " + expected + " (controls: " + controls + ")");
    }

    void awaitControl(String fragment) throws InterruptedException {
        await(() -> controls.stream().anyMatch(c -> c.contains(fragment)), () -> "control " + fragment + " in " + controls,
                Duration.ofSeconds(20));
    }

    void awaitControls(Predicate<List<String>> condition, String what) throws InterruptedException {
        await(() -> condition.test(controls), () -> what + " in " + controls, Duration.ofSeconds(20));
    }

    boolean awaitClosed() throws Exception {
        closed.get(20, TimeUnit.SECONDS);
        return true;
    }

    private String await(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what,
            Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long seen = -1;
        // Re-test only after something arrived: decoding megabytes every 20 ms would steal the CPU a flood needs.
        while (seen == (seen = received.get()) || !condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + patience.toSeconds() + " s waiting for " + what.get());
            }
            Thread.sleep(20);
        }
        return text();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                .join();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            synchronized (TerminalClient.this) {
                output.write(bytes, 0, bytes.length);
                received.incrementAndGet();
                if (output.size() > KEEP * 2) {
                    byte[] all = output.toByteArray();
                    output.reset();
                    output.write(all, all.length - KEEP, KEEP);
                }
            }
            // Like xterm.js, answer a cursor position query: busybox's shell waits for it after each prompt.
            if (new String(bytes, StandardCharsets.ISO_8859_1).contains("\u001b[6n")) {
                CompletableFuture.runAsync(() -> send("\u001b[1;1R".getBytes(StandardCharsets.US_ASCII)));
            }
            webSocket.request(1);
            return null;
        }

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                controls.add(partial.toString());
                received.incrementAndGet();
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(null);
        }
    }
}
