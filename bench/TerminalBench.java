import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terminal benchmark: keystroke echo latency (p50/p99 over N keystrokes) and output throughput (MB/s for M bytes),
 * through Labdeck's terminal websocket and directly through `docker exec -t`, in one run. Each throughput phase also
 * reports the CPU seconds every process spent on it ({@link CpuSampler}).
 *
 * Usage: java TerminalBench <labdeck base url> [keystrokes] [megabytes]
 * Properties: bench.warmup (keystrokes, 1000), bench.warmup.mb (flood before the measured one, 20),
 * bench.client=raw|jdk (websocket client, raw), bench.server.pid (names the server in the CPU figures).
 */
public class TerminalBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** What every path prints: the same command, run by a non-interactive `sh -c` as `docker exec -t … sh -c` runs it. */
    static final String OUTPUT = "yes 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ | head -c %d";
    /** Typed into a terminal: the output, then a marker that ends the timing. */
    static final String FLOOD = "sh -c '" + OUTPUT + "'; echo; echo BENCH-$((40+2))";
    static final String MARKER = "BENCH-42";
    /** Keystrokes sent before timing starts, so both JVMs have compiled the paths they take (the same for each path). */
    static final int WARM_UP = Integer.getInteger("bench.warmup", 1000);
    /** Output sent before the measured flood, for the same reason. */
    static final long WARM_UP_BYTES = Long.getLong("bench.warmup.mb", 20) << 20;

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
            URI terminal = URI.create(base.replace("http", "ws") + "/api/sessions/" + id + "/terminal");
            Terminal ws = "jdk".equals(System.getProperty("bench.client", "raw"))
                    ? JdkWebSocket.open(terminal, cookie) : RawWebSocket.open(terminal, cookie);
            ws.send("echo BENCH-$((1+1))READY\n".replace("$((1+1))", ""));
            ws.awaitMarker("BENCH-READY");
            Result viaLabdeck = measure("Labdeck websocket", ws, bytes, keystrokes);
            long[] besideHostile = besideAHostileNeighbour(base, ws, keystrokes);
            ws.close();

            DockerJavaTty direct = DockerJavaTty.open(container);
            Result viaDocker = measure("docker-java TTY exec", direct, bytes, keystrokes);
            direct.close();
            double dockerMbps = cliThroughput(container, bytes);

            System.out.printf(Locale.ROOT, "%n| path | echo p50 (ms) | echo p99 (ms) | throughput (MB/s) |%n|---|---|---|---|%n");
            System.out.printf(Locale.ROOT, "| Labdeck websocket | %.2f | %.2f | %.1f |%n", viaLabdeck.p(50), viaLabdeck.p(99), viaLabdeck.mbps);
            System.out.printf(Locale.ROOT, "| Labdeck websocket, beside a sandbox running a fork bomb, a memory hog and a disk fill | %.2f | %.2f | |%n",
                    percentile(besideHostile, 50), percentile(besideHostile, 99));
            System.out.printf(Locale.ROOT, "| direct: docker-java TTY exec | %.2f | %.2f | %.1f |%n", viaDocker.p(50), viaDocker.p(99), viaDocker.mbps);
            System.out.printf(Locale.ROOT, "| direct: docker CLI `docker exec -t` | | | %.1f |%n", dockerMbps);
            System.out.printf(Locale.ROOT, "%nkeystrokes: %d, output: %d MB; Labdeck reaches %.0f%% of docker exec -t's throughput%n",
                    keystrokes, bytes >> 20, 100 * viaLabdeck.mbps / dockerMbps);
        } finally {
            HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + id)).header("Cookie", cookie)
                    .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    /**
     * The echo again, while another session's sandbox (same lab, its own limits) fills its disk, hogs its memory in a
     * loop and runs a fork bomb up to its pids limit. The hog and the fill start first: once the bomb holds every
     * pid, nothing more can be started in there.
     */
    static long[] besideAHostileNeighbour(String base, Terminal terminal, int keystrokes) throws Exception {
        CheckBench.Session hostile = CheckBench.start(base);
        String container = "labdeck-" + hostile.id();
        try {
            CheckBench.docker("exec", "-d", container, "sh", "-c",
                    "while :; do dd if=/dev/zero of=/root/fill bs=1M count=1000 2>/dev/null; rm -f /root/fill; done");
            CheckBench.docker("exec", "-d", container, "sh", "-c",
                    "while :; do head -c 400m /dev/zero | tail >/dev/null; done");
            CheckBench.docker("exec", "-d", container, "sh", "-c", "b() { b | b & }; b");
            Thread.sleep(2000); // let the bomb reach the limit (a benchmark's pacing, not a test's synchronisation)
            System.out.println("beside a hostile neighbour:");
            long[] echo = echo(terminal, keystrokes);
            System.out.printf(Locale.ROOT, "  echo ms: p50 %.2f p99 %.2f max %.2f%n", percentile(echo, 50),
                    percentile(echo, 99), echo[echo.length - 1] / 1e6);
            return echo;
        } finally {
            HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + hostile.id()))
                    .header("Cookie", hostile.cookie()).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    record Result(long[] sortedNanos, double mbps) {
        double p(int percent) {
            return percentile(sortedNanos, percent);
        }
    }

    /** Milliseconds. */
    static double percentile(long[] sortedNanos, int percent) {
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1)] / 1e6;
    }

    static Result measure(String path, Terminal terminal, long bytes, int keystrokes) throws Exception {
        System.out.println(path + ":");
        long[] echo = echo(terminal, keystrokes);
        System.out.printf(Locale.ROOT, "  echo ms: p50 %.2f p90 %.2f p95 %.2f p99 %.2f max %.2f%n", percentile(echo, 50),
                percentile(echo, 90), percentile(echo, 95), percentile(echo, 99), echo[echo.length - 1] / 1e6);
        flood(terminal, WARM_UP_BYTES);
        return new Result(echo, throughput(terminal, bytes));
    }

    /** Runs `cat` and times each keystroke until the TTY's echo of it comes back. */
    static long[] echo(Terminal terminal, int keystrokes) throws Exception {
        terminal.send("stty -icanon; cat >/dev/null\n");
        Thread.sleep(500);
        terminal.drain();
        long[] nanos = new long[keystrokes];
        for (int i = 0; i < keystrokes + WARM_UP; i++) {
            char key = (char) ('a' + i % 26);
            long start = System.nanoTime();
            terminal.send(String.valueOf(key));
            terminal.awaitByte((byte) key);
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = System.nanoTime() - start;
            }
        }
        terminal.send("\u0003");
        Thread.sleep(300);
        terminal.send("stty icanon\n");
        Thread.sleep(300);
        terminal.drain();
        Arrays.sort(nanos);
        return nanos;
    }

    static void flood(Terminal terminal, long bytes) throws Exception {
        if (bytes > 0) {
            terminal.send(String.format(FLOOD, bytes) + "\n");
            terminal.awaitMarker(MARKER);
            Thread.sleep(300);
            terminal.drain();
        }
    }

    static double throughput(Terminal terminal, long bytes) throws Exception {
        try (CpuSampler cpu = new CpuSampler()) {
            terminal.counted = 0;
            terminal.frames = 0;
            long start = System.nanoTime();
            terminal.send(String.format(FLOOD, bytes) + "\n");
            terminal.awaitMarker(MARKER);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  %d MB in %.1f s, %d frames of %.0f bytes on average%n  %s%n",
                    terminal.counted >> 20, seconds, terminal.frames, terminal.counted / (double) terminal.frames, cpu.report());
            return terminal.counted / seconds / 1e6;
        }
    }

    /** `docker exec -t` writing the same output to this process, which counts it. */
    static double cliThroughput(String container, long bytes) throws Exception {
        System.out.println("docker CLI `docker exec -t`:");
        try (CpuSampler cpu = new CpuSampler()) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder("docker", "exec", "-t", container, "sh", "-c", String.format(OUTPUT, bytes))
                    .redirectErrorStream(true).start();
            long total = 0;
            byte[] buf = new byte[1 << 16];
            try (InputStream in = p.getInputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                }
            }
            p.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  %d MB in %.1f s%n  %s%n", total >> 20, seconds, cpu.report());
            return total / seconds / 1e6;
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(name + " not in " + json);
        }
        return m.group(1);
    }

    /** A terminal the benchmark types into and reads from: bytes arrive in chunks, scanned as they come. */
    abstract static class Terminal {
        long counted;
        long frames;
        private final ByteArrayOutputStream tail = new ByteArrayOutputStream();

        abstract void send(String text) throws Exception;

        /** The next chunk of output, or null if none came within the time. */
        abstract byte[] poll(long millis) throws Exception;

        abstract void close() throws Exception;

        private byte[] next(long millis, String what) throws Exception {
            byte[] chunk = poll(millis);
            if (chunk == null) {
                throw new IllegalStateException("no " + what + " within " + millis + " ms");
            }
            counted += chunk.length;
            frames++;
            return chunk;
        }

        /** Drops output that is already there or comes within 100 ms. */
        void drain() throws Exception {
            while (poll(100) != null) {
                // dropped
            }
        }

        void awaitByte(byte b) throws Exception {
            while (true) {
                for (byte x : next(10_000, "echo of " + (char) b)) {
                    if (x == b) {
                        return;
                    }
                }
            }
        }

        void awaitMarker(String marker) throws Exception {
            byte[] m = marker.getBytes(StandardCharsets.UTF_8);
            tail.reset();
            while (true) {
                byte[] chunk = next(120_000, marker);
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

    /** Output handed over by another thread (a listener or a callback) through a queue. */
    abstract static class QueuedTerminal extends Terminal {
        final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

        @Override
        byte[] poll(long millis) throws InterruptedException {
            return chunks.poll(millis, TimeUnit.MILLISECONDS);
        }
    }

    /** The same shell through docker-java's exec with a TTY: what Labdeck builds on, without Labdeck. */
    static final class DockerJavaTty extends QueuedTerminal {
        final java.io.PipedOutputStream stdin = new java.io.PipedOutputStream();
        com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame> callback;

        static DockerJavaTty open(String container) throws Exception {
            var config = com.github.dockerjava.core.DefaultDockerClientConfig.createDefaultConfigBuilder().build();
            var docker = com.github.dockerjava.core.DockerClientImpl.getInstance(config,
                    new com.github.dockerjava.zerodep.ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
            DockerJavaTty d = new DockerJavaTty();
            var in = new java.io.PipedInputStream(d.stdin, 1 << 16);
            String exec = docker.execCreateCmd(container).withTty(true).withAttachStdin(true).withAttachStdout(true)
                    .withAttachStderr(true).withCmd("sh").exec().getId();
            d.callback = docker.execStartCmd(exec).withTty(true).withStdIn(in).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<>() {
                @Override
                public void onNext(com.github.dockerjava.api.model.Frame frame) {
                    d.chunks.add(frame.getPayload().clone());
                }
            });
            Thread.sleep(500);
            return d;
        }

        @Override
        void send(String text) throws Exception {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        @Override
        void close() throws Exception {
            send("exit\n");
            stdin.close();
            Thread.sleep(200);
            callback.close();
        }
    }
}
