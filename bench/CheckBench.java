import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check benchmark: the round trip of POST /api/sessions/{id}/steps/{step}/check as a browser sees it (HTTP, the exec
 * in the sandbox, storing the result), over N checks of a failing step, N of a passing one, and N spread over four
 * sessions checking at once.
 *
 * Usage: java CheckBench <labdeck base url> [checks]
 */
public class CheckBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    record Session(String id, String cookie) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Session s = start(base);
        List<Session> others = new ArrayList<>();
        try {
            time(base, s, "look-around", 20, false); // warm-up: JIT, connection pool, exec path
            List<Long> failing = time(base, s, "look-around", n, false);
            docker("exec", "labdeck-" + s.id(), "sh", "-c", "hostname > /root/hostname.txt");
            List<Long> passing = time(base, s, "look-around", n, true);
            for (int i = 0; i < 3; i++) {
                others.add(start(base));
            }
            others.add(s);
            List<Long> concurrent = concurrently(base, others, n / others.size());
            System.out.println();
            System.out.println("| Check round trip (ms) | n | p50 | p95 | p99 | max |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            row("failing check (FAIL: message), one session", failing);
            row("passing check, one session", passing);
            row("4 sessions checking at once", concurrent);
        } finally {
            for (Session o : others.isEmpty() ? List.of(s) : others) {
                HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + o.id())).DELETE()
                        .header("Cookie", o.cookie()).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    static Session start(String base) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"labId\":\"container-basics\",\"lang\":\"ja\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("start failed: " + r.body());
        }
        return new Session(field(r.body()), r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0]);
    }

    static List<Long> time(String base, Session s, String step, int n, boolean expectPass) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + s.id() + "/steps/" + step
                + "/check")).header("Cookie", s.cookie()).POST(HttpRequest.BodyPublishers.noBody()).build();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            micros.add((System.nanoTime() - t0) / 1000);
            if (r.statusCode() != 200 || r.body().contains("\"passed\":true") != expectPass) {
                throw new IllegalStateException("unexpected answer " + r.statusCode() + ": " + r.body());
            }
        }
        return micros;
    }

    static List<Long> concurrently(String base, List<Session> sessions, int each) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(sessions.size())) {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (Session s : sessions) {
                boolean passes = s == sessions.getLast();
                Callable<List<Long>> job = () -> time(base, s, "look-around", each, passes);
                futures.add(pool.submit(job));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        }
    }

    static void row(String name, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, sorted.size(),
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.getLast() / 1000.0);
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    static void docker(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + cmd);
        }
    }

    static String field(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }
}
