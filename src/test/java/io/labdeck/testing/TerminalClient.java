package io.labdeck.testing;

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
public final class TerminalClient implements AutoCloseable {

    /** A flood test prints 40 MB; only recent output matters to the assertions. */
    private static final int KEEP = 1 << 20;
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final List<String> controls = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private volatile boolean reading = true;
    /** The last flow message's word: whether the server wants this client's input held back. */
    private volatile boolean paused;
    private final Object sending = new Object();
    private final WebSocket socket;

    private TerminalClient(URI uri, String cookie, String origin) throws Exception {
        this(uri, cookie, origin, null);
    }

    private TerminalClient(URI uri, String cookie, String origin, String authorization) throws Exception {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (cookie != null) {
            builder.header("Cookie", "labdeck_owner=" + cookie);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        socket = builder.buildAsync(uri, new Listener()).get(20, TimeUnit.SECONDS);
    }

    public static TerminalClient connect(int port, String sessionId, String cookie, boolean watch) throws Exception {
        return new TerminalClient(uri(port, sessionId, watch), cookie, null);
    }

    public static TerminalClient connect(int port, String sessionId, String cookie, String origin) throws Exception {
        return new TerminalClient(uri(port, sessionId, false), cookie, origin);
    }

    /** Watches as an instructor: HTTP basic auth on the upgrade, no cookie. */
    public static TerminalClient watchAs(int port, String sessionId, String user, String password) throws Exception {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return new TerminalClient(uri(port, sessionId, true), null, null, basic);
    }

    public static URI uri(int port, String sessionId, boolean watch) {
        return URI.create("ws://localhost:" + port + "/api/sessions/" + sessionId + "/terminal"
                + (watch ? "?watch=true" : ""));
    }

    public void type(String text) {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** java.net.http allows one send at a time; the cursor-position reply comes from another thread. */
    public void send(byte[] bytes) {
        synchronized (sending) {
            socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        }
    }

    /** Sends frames back to back, so that a cursor-position reply cannot land between them. */
    public void sendFrames(byte[]... frames) {
        synchronized (sending) {
            for (byte[] frame : frames) {
                socket.sendBinary(ByteBuffer.wrap(frame), true).join();
            }
        }
    }

    /**
     * Pastes as the page does: frames of at most 16 KiB, held back while the server says the shell has enough unread
     * input ({@code {"type":"flow","paused":true}}), each pause waited out for at most {@code patience}.
     */
    public void paste(byte[] data, Duration patience) throws InterruptedException {
        for (int at = 0; at < data.length; at += 16 * 1024) {
            String where = "the server to resume input at byte " + at;
            await(() -> !paused, () -> where, patience);
            send(java.util.Arrays.copyOfRange(data, at, Math.min(data.length, at + 16 * 1024)));
        }
    }

    /** How many times the server has told this client to pause its input. */
    public long pauses() {
        return controls.stream().filter(c -> c.contains("\"type\":\"flow\"") && c.contains("\"paused\":true")).count();
    }

    public void control(String json) {
        synchronized (sending) {
            socket.sendText(json, true).join();
        }
    }

    /** Everything received so far, decoded as one stream. */
    public synchronized String text() {
        return output.toString(StandardCharsets.UTF_8);
    }

    public List<String> controls() {
        return controls;
    }

    public String awaitText(Predicate<String> condition, String what) throws InterruptedException {
        return awaitText(condition, what, Duration.ofSeconds(20));
    }

    public String awaitText(Predicate<String> condition, String what, Duration patience) throws InterruptedException {
        return await(() -> condition.test(text()), () -> what + "; screen so far:\n" + tail(), patience);
    }

    /** Waits longer than usual, for output behind a deliberate flood on a busy machine. */
    public String awaitOutput(String expected, Duration patience) throws InterruptedException {
        return awaitText(t -> t.contains(expected), "output containing " + expected + " (controls: " + controls + ")",
                patience);
    }

    private String tail() {
        String all = text();
        return all.length() <= 2000 ? all : "[...]" + all.substring(all.length() - 2000);
    }

    public String awaitOutput(String expected) throws InterruptedException {
        return awaitText(t -> t.contains(expected), "output containing " + expected + " (controls: " + controls + ")");
    }

    public void awaitControl(String fragment) throws InterruptedException {
        await(() -> controls.stream().anyMatch(c -> c.contains(fragment)), () -> "control " + fragment + " in " + controls,
                Duration.ofSeconds(20));
    }

    public void awaitControls(Predicate<List<String>> condition, String what) throws InterruptedException {
        await(() -> condition.test(controls), () -> what + " in " + controls, Duration.ofSeconds(20));
    }

    /** How the server closed the connection. */
    public record Closed(int code, String reason) {
    }

    /** Waits for the server to close the connection (at most 20 s) and says how it did. */
    public Closed awaitClosed() throws Exception {
        return closed.get(20, TimeUnit.SECONDS);
    }

    /** Waits at most {@code patience} for the server to close the connection and says how it did. */
    public Closed awaitClosed(Duration patience) throws Exception {
        return closed.get(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes from the connection again after {@link #stopReading}: what backed up arrives, then perhaps a close. */
    public void resumeReading() {
        reading = true;
        socket.request(1);
    }

    /** Whether the connection is closed already. */
    public boolean isClosed() {
        return closed.isDone();
    }

    /** Stops taking anything from the connection, as a stalled tab does: the server's writes to it back up. */
    public void stopReading() {
        reading = false;
    }

    /** Re-tests the condition each time something arrives, until it holds or the patience runs out. */
    private String await(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what,
            Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (arrivals) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out after " + patience.toSeconds() + " s waiting for " + what.get());
                }
                TimeUnit.NANOSECONDS.timedWait(arrivals, left);
            }
        }
        return text();
    }

    private final Object arrivals = new Object();

    private void arrived() {
        received.incrementAndGet();
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
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
                if (output.size() > KEEP * 2) {
                    byte[] all = output.toByteArray();
                    output.reset();
                    output.write(all, all.length - KEEP, KEEP);
                }
            }
            arrived();
            // Like xterm.js, answer a cursor position query: busybox's shell waits for it after each prompt.
            if (new String(bytes, StandardCharsets.ISO_8859_1).contains("\u001b[6n")) {
                CompletableFuture.runAsync(() -> send("\u001b[1;1R".getBytes(StandardCharsets.US_ASCII)));
            }
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                if (message.contains("\"type\":\"flow\"")) {
                    paused = message.contains("\"paused\":true");
                }
                controls.add(message);
                partial.setLength(0);
                arrived();
            }
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            arrived();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
            arrived();
        }
    }
}
