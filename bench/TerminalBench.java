import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terminal benchmark: keystroke echo latency (p50/p99 over N keystrokes) and output throughput (MB/s for M bytes),
 * through Labdeck's terminal websocket and directly through `docker exec -t`, in one run.
 *
 * Usage: java TerminalBench <labdeck base url> [keystrokes] [megabytes]
 */
public class TerminalBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String FLOOD = "yes 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ | head -c %d; echo; echo BENCH-$((40+2))";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int keystrokes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long bytes = (args.length > 2 ? Long.parseLong(args[2]) : 200) * 1024 * 1024;

        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"labId\":\"container-basics\",\"lang\":\"ja\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 201) {
            throw new IllegalStateException("start failed: " + started.body());
        }
        String id = field(started.body(), "id");
        String cookie = started.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String container = "labdeck-" + id;
        try {
            Socket ws = Socket.open(base.replace("http", "ws") + "/api/sessions/" + id + "/terminal", cookie);
            ws.awaitText("BENCH-READY", () -> ws.send("echo BENCH-$((1+1))READY\n".replace("$((1+1))", "")));
            List<Long> viaLabdeck = echo(ws::send, ws.received, keystrokes);
            double labdeckMbps = throughput(ws::send, ws.received, bytes);
            ws.close();

            Direct direct = Direct.open(container);
            List<Long> viaDocker = echo(direct::send, direct.received, keystrokes);
            double dockerJavaMbps = throughput(direct::send, direct.received, bytes);
            direct.close();
            double dockerMbps = directThroughput(container, bytes);

            System.out.printf(Locale.ROOT, "%n| path | echo p50 (ms) | echo p99 (ms) | throughput (MB/s) |%n|---|---|---|---|%n");
            System.out.printf(Locale.ROOT, "| Labdeck websocket | %.2f | %.2f | %.1f |%n", pct(viaLabdeck, 50), pct(viaLabdeck, 99), labdeckMbps);
            System.out.printf(Locale.ROOT, "| direct: docker-java TTY exec | %.2f | %.2f | %.1f |%n", pct(viaDocker, 50), pct(viaDocker, 99), dockerJavaMbps);
            System.out.printf(Locale.ROOT, "| direct: docker CLI `docker exec -t` | | | %.1f |%n", dockerMbps);
            System.out.printf(Locale.ROOT, "%nkeystrokes: %d, output: %d MB; Labdeck reaches %.0f%% of docker exec -t's throughput%n",
                    keystrokes, bytes >> 20, 100 * labdeckMbps / dockerMbps);
        } finally {
            HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + id)).header("Cookie", cookie)
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    interface Sender {
        void send(String text) throws Exception;
    }

    /** Keystrokes sent before timing starts, so both JVMs have compiled the paths they take (the same for each path). */
    static final int WARM_UP = Integer.getInteger("bench.warmup", 1000);

    /** Runs `cat` and times each keystroke until the TTY's echo of it comes back. */
    static List<Long> echo(Sender send, Received received, int keystrokes) throws Exception {
        send.send("stty -icanon; cat >/dev/null\n");
        Thread.sleep(500);
        received.clear();
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < keystrokes + WARM_UP; i++) {
            char key = (char) ('a' + i % 26);
            long start = System.nanoTime();
            send.send(String.valueOf(key));
            received.awaitByte((byte) key);
            if (i >= WARM_UP) {
                nanos.add(System.nanoTime() - start);
            }
        }
        send.send("\u0003");
        Thread.sleep(300);
        send.send("stty icanon\n");
        Thread.sleep(300);
        return nanos;
    }

    static double throughput(Sender send, Received received, long bytes) throws Exception {
        received.clear();
        long start = System.nanoTime();
        send.send(String.format(FLOOD, bytes) + "\n");
        received.awaitMarker("BENCH-42");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  %d frames, %.0f bytes on average%n", received.frames.get(),
                received.total.get() / (double) received.frames.get());
        return received.total.get() / seconds / 1e6;
    }

    /** `docker exec -t` writing the same output to this process, which counts it. */
    static double directThroughput(String container, long bytes) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("docker", "exec", "-t", container, "sh", "-c", String.format(FLOOD, bytes))
                .redirectErrorStream(true).start();
        long total = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = p.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
            }
        }
        p.waitFor();
        return total / ((System.nanoTime() - start) / 1e9) / 1e6;
    }

    static double pct(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(name + " not in " + json);
        }
        return m.group(1);
    }

    /** Bytes received, scanned as they arrive. */
    static final class Received {
        final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
        final AtomicLong total = new AtomicLong();
        final AtomicLong frames = new AtomicLong();
        private final ByteArrayOutputStream tail = new ByteArrayOutputStream();

        void add(byte[] data) {
            total.addAndGet(data.length);
            frames.incrementAndGet();
            chunks.add(data);
        }

        void clear() {
            chunks.clear();
            total.set(0);
            frames.set(0);
            tail.reset();
        }

        void awaitByte(byte b) throws InterruptedException {
            while (true) {
                byte[] chunk = chunks.poll(10, TimeUnit.SECONDS);
                if (chunk == null) {
                    throw new IllegalStateException("no echo of " + (char) b);
                }
                for (byte x : chunk) {
                    if (x == b) {
                        return;
                    }
                }
            }
        }

        void awaitMarker(String marker) throws InterruptedException {
            byte[] m = marker.getBytes(StandardCharsets.UTF_8);
            while (true) {
                byte[] chunk = chunks.poll(120, TimeUnit.SECONDS);
                if (chunk == null) {
                    throw new IllegalStateException("no " + marker);
                }
                tail.write(chunk, 0, chunk.length);
                byte[] t = tail.toByteArray();
                if (indexOf(t, m) >= 0) {
                    return;
                }
                tail.reset();
                tail.write(t, Math.max(0, t.length - m.length), Math.min(t.length, m.length));
            }
        }

        static int indexOf(byte[] hay, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= hay.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** Labdeck's terminal websocket. */
    static final class Socket implements WebSocket.Listener {
        final Received received = new Received();
        WebSocket ws;

        static Socket open(String url, String cookie) throws Exception {
            Socket s = new Socket();
            s.ws = HTTP.newWebSocketBuilder().header("Cookie", cookie).buildAsync(URI.create(url), s).get(20, TimeUnit.SECONDS);
            return s;
        }

        void send(String text) {
            ws.sendBinary(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true).join();
        }

        void awaitText(String marker, Runnable trigger) throws Exception {
            Thread.sleep(500);
            received.clear();
            trigger.run();
            received.awaitMarker(marker);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            received.add(b);
            webSocket.request(1);
            return null;
        }

        void close() {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }

    /** The same shell through docker-java's exec with a TTY: what Labdeck builds on, without Labdeck. */
    static final class Direct {
        final Received received = new Received();
        final com.github.dockerjava.api.DockerClient docker;
        final java.io.PipedOutputStream stdin = new java.io.PipedOutputStream();
        com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame> callback;

        Direct(com.github.dockerjava.api.DockerClient docker) {
            this.docker = docker;
        }

        static Direct open(String container) throws Exception {
            var config = com.github.dockerjava.core.DefaultDockerClientConfig.createDefaultConfigBuilder().build();
            var docker = com.github.dockerjava.core.DockerClientImpl.getInstance(config,
                    new com.github.dockerjava.zerodep.ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
            Direct d = new Direct(docker);
            var in = new java.io.PipedInputStream(d.stdin, 1 << 16);
            String exec = docker.execCreateCmd(container).withTty(true).withAttachStdin(true).withAttachStdout(true)
                    .withAttachStderr(true).withCmd("sh").exec().getId();
            d.callback = docker.execStartCmd(exec).withTty(true).withStdIn(in).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<>() {
                @Override
                public void onNext(com.github.dockerjava.api.model.Frame frame) {
                    d.received.add(frame.getPayload().clone());
                }
            });
            Thread.sleep(500);
            return d;
        }

        void send(String text) throws Exception {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        void close() throws Exception {
            send("exit\n");
            callback.close();
        }
    }
}
