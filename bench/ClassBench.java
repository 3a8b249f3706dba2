import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Class benchmark: one class of N learners (real sandboxes), checking steps at once, and its instructor's dashboard.
 * Measures, per check, the time from the check's answer (the result is stored by then) to the event's arrival on
 * the class's live socket, and from the check's request to that arrival; then the dashboard page's and the progress
 * grid's response times with N learners in the class. A check's event comes with a change of its step's status
 * (only changes and the last result are kept), so the rounds alternate: every learner's check fails (pending to
 * failed), then each learner's file is written (not timed) and every check passes (failed to passed), and so on.
 *
 * Usage: java ClassBench <labdeck base url> <instructor> <password> [learners] [rounds]
 */
public class ClassBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    record Learner(String session, String cookie) {
    }

    /** When each check's request went out and its answer came, and when its event arrived. */
    record Timing(long sent, long answered, CompletableFuture<Long> arrived) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2])
                .getBytes(StandardCharsets.UTF_8));
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int each = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        String classId = createClass(base, auth, n);
        String code = field(get(base + "/api/classes/" + classId, auth), "joinCode");
        List<Learner> learners = new ArrayList<>();
        long joinStart = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Learner>> joins = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                joins.add(pool.submit(() -> join(base, code, "learner-" + k)));
            }
            for (Future<Learner> f : joins) {
                learners.add(f.get());
            }
        }
        System.out.printf(Locale.ROOT, "%d learners joined in %.1f s%n", n, (System.nanoTime() - joinStart) / 1e9);
        Map<String, Timing> pending = new ConcurrentHashMap<>();
        WebSocket live = HTTP.newWebSocketBuilder().header("Authorization", auth)
                .buildAsync(URI.create(base.replace("http", "ws") + "/api/classes/" + classId + "/live"),
                        new Listener(pending)).get(10, TimeUnit.SECONDS);
        try {
            List<Timing> timings = checkAll(base, learners, each, pending);
            List<Long> push = new ArrayList<>();
            List<Long> total = new ArrayList<>();
            for (Timing t : timings) {
                long arrived = t.arrived().get(30, TimeUnit.SECONDS);
                push.add(Math.max(0, arrived - t.answered()) / 1000);
                total.add((arrived - t.sent()) / 1000);
            }
            System.out.println();
            System.out.println("| " + n + " learners, " + timings.size() + " checks, 20 at a time (ms) | n | p50 | p95"
                    + " | p99 | max |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            row("check answered -> event on the live socket", push);
            row("check sent -> event on the live socket", total);
            row("dashboard page GET /classes/{id}", times(base + "/classes/" + classId, auth, 50));
            row("progress grid GET /api/classes/{id}/progress", times(base + "/api/classes/" + classId
                    + "/progress", auth, 50));
        } finally {
            live.abort();
            HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/classes/" + classId + "/close"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
            for (Learner l : learners) {
                HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + l.session())).DELETE()
                        .header("Cookie", l.cookie()).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    static List<Timing> checkAll(String base, List<Learner> learners, int rounds, Map<String, Timing> pending)
            throws Exception {
        List<Timing> all = Collections.synchronizedList(new ArrayList<>());
        for (int round = 0; round < rounds; round++) {
            if (round > 0) {
                String script = round % 2 == 1 ? "hostname > /root/hostname.txt" : "rm -f /root/hostname.txt";
                for (Learner l : learners) {
                    CheckBench.docker("exec", "labdeck-" + l.session(), "sh", "-c", script);
                }
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
                List<Future<?>> jobs = new ArrayList<>();
                for (Learner l : learners) {
                    jobs.add(pool.submit(() -> all.add(check(base, l, pending))));
                }
                for (Future<?> f : jobs) {
                    f.get();
                }
            }
        }
        return all;
    }

    /** One check; its learner's next event is its own (one check at a time per learner). */
    static Timing check(String base, Learner l, Map<String, Timing> pending) throws Exception {
        CompletableFuture<Long> arrived = new CompletableFuture<>();
        long sent = System.nanoTime();
        pending.put(l.session(), new Timing(sent, 0, arrived));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + l.session()
                + "/steps/look-around/check")).header("Cookie", l.cookie()).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        if (r.statusCode() != 200) {
            throw new IllegalStateException("check answered " + r.statusCode() + ": " + r.body());
        }
        try {
            arrived.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no event on the live socket within 30 s for the check of " + l.session()
                    + " answered " + r.body());
        }
        return new Timing(sent, answered, arrived);
    }

    /** Completes each learner's pending check when its step event arrives (a message may come in parts). */
    static final class Listener implements WebSocket.Listener {
        private static final Pattern SESSION = Pattern.compile("\"session\"\\s*:\\s*\"([^\"]+)\"");
        private final Map<String, Timing> pending;
        private final StringBuilder parts = new StringBuilder();

        Listener(Map<String, Timing> pending) {
            this.pending = pending;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = System.nanoTime();
            parts.append(data);
            if (!last) {
                ws.request(1);
                return null;
            }
            String text = parts.toString();
            parts.setLength(0);
            Matcher m = SESSION.matcher(text);
            if (text.contains("\"step.") && m.find()) {
                Timing t = pending.remove(m.group(1));
                if (t != null) {
                    t.arrived().complete(now);
                }
            }
            ws.request(1);
            return null;
        }
    }

    static String createClass(String base, String auth, int seats) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/classes"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"labId\":\"container-basics\","
                        + "\"lang\":\"ja\",\"seats\":" + seats + "}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("creating the class answered " + r.statusCode() + ": " + r.body());
        }
        return field(r.body(), "id");
    }

    static Learner join(String base, String code, String name) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/classes/join"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"joinCode\":\"" + code + "\",\"displayName\":\"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("join answered " + r.statusCode() + ": " + r.body());
        }
        Learner l = new Learner(field(r.body(), "id"), r.headers().firstValue("Set-Cookie").orElseThrow()
                .split(";")[0]);
        awaitReady(base, l);
        return l;
    }

    static void awaitReady(String base, Learner l) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + l.session()))
                    .header("Cookie", l.cookie()).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"status\":\"ready\"")) {
                return;
            }
            if (body.contains("\"status\":\"failed\"")) {
                throw new IllegalStateException("a learner's sandbox failed: " + body);
            }
            Thread.sleep(200);   // polling a sandbox's start, as a page does
        }
        throw new IllegalStateException("a learner's sandbox was not ready in 120 s");
    }

    static List<Long> times(String url, String auth, int n) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < n + 5; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode());
            }
            if (i >= 5) {   // five warm-up requests
                micros.add((System.nanoTime() - t0) / 1000);
            }
        }
        return micros;
    }

    static String get(String url, String auth) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString()).body();
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

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
