import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Leak benchmark: N whole session lives (start, open the terminal, run a command and see its output, check a step,
 * end), one after another, against a server whose pid it is given. After a warm-up of W cycles and again after all
 * N it reads the server's threads, open files and heap after a full GC, and the engine's labelled containers,
 * networks and volumes of the server's owner. Exits non-zero when anything is left or grew past its tolerance.
 *
 * Usage: java LeakBench <labdeck base url> <server pid> <owner label> [cycles] [warm-up]
 */
public class LeakBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    record Reading(int threads, int files, long heapKb, int containers, int networks, int volumes) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        String owner = args[2];
        int cycles = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int warm = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        List<Long> lives = new ArrayList<>();
        for (int i = 0; i < warm; i++) {
            lives.add(cycle(base, i));
        }
        Reading before = read(pid, owner);
        for (int i = warm; i < cycles; i++) {
            lives.add(cycle(base, i));
        }
        Reading after = read(pid, owner);
        lives.sort(Long::compare);
        System.out.println();
        System.out.printf(Locale.ROOT, "%d session lives: p50 %.0f ms, p95 %.0f ms%n", lives.size(),
                lives.get(lives.size() / 2) / 1e3, lives.get((int) (lives.size() * 0.95)) / 1e3);
        System.out.println("| After | threads | open files | heap after GC (MB) | containers | networks | volumes |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        row(warm + " cycles (baseline)", before);
        row(cycles + " cycles", after);
        List<String> failures = new ArrayList<>();
        if (after.containers() + after.networks() + after.volumes() > 0) {
            failures.add("labelled resources left");
        }
        if (after.threads() > before.threads() + 8) {
            failures.add("threads grew by " + (after.threads() - before.threads()));
        }
        if (after.files() > before.files() + 16) {
            failures.add("open files grew by " + (after.files() - before.files()));
        }
        if (after.heapKb() > before.heapKb() * 1.25 + 8192) {
            failures.add("heap after GC grew from " + before.heapKb() + " KB to " + after.heapKb() + " KB");
        }
        if (!failures.isEmpty()) {
            System.out.println("LEAK: " + String.join("; ", failures));
            System.exit(1);
        }
        System.out.println("No leak: nothing labelled left, threads, files and heap flat.");
    }

    /** One session's life; its duration in microseconds. */
    static long cycle(String base, int i) throws Exception {
        long t0 = System.nanoTime();
        CheckBench.Session s = CheckBench.start(base);
        try {
            CompletableFuture<Void> seen = new CompletableFuture<>();
            String marker = "cycle-" + (i * 7 + 1);
            StringBuilder out = new StringBuilder();
            WebSocket ws = HTTP.newWebSocketBuilder().header("Cookie", s.cookie()).buildAsync(
                    URI.create(base.replace("http", "ws") + "/api/sessions/" + s.id() + "/terminal"),
                    new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                            byte[] b = new byte[data.remaining()];
                            data.get(b);
                            String text = new String(b, StandardCharsets.ISO_8859_1);
                            if (text.contains("\u001b[6n")) {
                                w.sendBinary(ByteBuffer.wrap("\u001b[1;1R".getBytes(StandardCharsets.US_ASCII)), true);
                            }
                            synchronized (out) {
                                out.append(text);
                                if (out.toString().contains("\n" + marker) || out.toString().contains("\r" + marker)) {
                                    seen.complete(null);
                                }
                            }
                            w.request(1);
                            return null;
                        }
                    }).get(20, TimeUnit.SECONDS);
            ws.sendBinary(ByteBuffer.wrap(("echo cycle-$((" + i + "*7+1))\n").getBytes(StandardCharsets.UTF_8)),
                    true).get(10, TimeUnit.SECONDS);
            seen.get(20, TimeUnit.SECONDS);
            HttpResponse<String> check = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + s.id()
                    + "/steps/look-around/check")).header("Cookie", s.cookie()).POST(HttpRequest.BodyPublishers
                    .noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (check.statusCode() != 200) {
                throw new IllegalStateException("check failed: " + check.body());
            }
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        } finally {
            HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + s.id())).DELETE()
                    .header("Cookie", s.cookie()).build(), HttpResponse.BodyHandlers.discarding());
        }
        return (System.nanoTime() - t0) / 1000;
    }

    /** The server's figures after its sandboxes went (the end removes them; the reaper would too). */
    static Reading read(long pid, String owner) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int containers;
        while ((containers = count("container", "ls", "-aq", owner)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200); // polling the engine, not waiting for a guess
        }
        run("jcmd", Long.toString(pid), "GC.run");
        String heap = run("jcmd", Long.toString(pid), "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
        long heapKb = used.find() ? Long.parseLong(used.group(1)) : -1;
        int threads = (int) Files.list(Path.of("/proc/" + pid + "/task")).count();
        int files = (int) Files.list(Path.of("/proc/" + pid + "/fd")).count();
        return new Reading(threads, files, heapKb, containers, count("network", "ls", "-q", owner),
                count("volume", "ls", "-q", owner));
    }

    static int count(String kind, String ls, String flags, String owner) throws Exception {
        String out = run("docker", kind, ls, flags, "--filter", "label=io.labdeck.owner=" + owner);
        return (int) out.lines().filter(l -> !l.isBlank()).count();
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    static void row(String name, Reading r) {
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %d | %d | %d |%n", name, r.threads(), r.files(),
                r.heapKb() / 1024.0, r.containers(), r.networks(), r.volumes());
    }
}
