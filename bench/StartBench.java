import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Session start benchmark: N cold starts of a lab on each server, alternating between servers (so both see the same
 * machine at the same time), each timed from POST /api/sessions until the answer says the session is ready (for a
 * lab with Docker inside: its own inner engine answers), then ended before the next. A cold start makes everything
 * anew: network, volumes, container, inner engine.
 *
 * Usage: java StartBench name=url[,name=url...] [starts] [lab id...]
 *        java StartBench --stages name server.log    (the start stages a server logged at DEBUG)
 */
public class StartBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern MADE = Pattern.compile("sandbox of (\\S+): network, volumes and container made and"
            + " started in (\\d+) ms");
    private static final Pattern READY = Pattern.compile("sandbox of (\\S+): (?:inner engine answered|shell ran) in"
            + " (\\d+) ms, setup (\\d+) ms");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--stages")) {
            stages(args[1], Path.of(args[2]));
            return;
        }
        Map<String, String> servers = new LinkedHashMap<>();
        for (String pair : args[0].split(",")) {
            String[] kv = pair.split("=", 2);
            servers.put(kv.length == 2 ? kv[0] : "server", kv.length == 2 ? kv[1] : kv[0]);
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> labs = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("image-commit");
        System.out.println();
        System.out.println("| Session start to ready (ms) | mode | lab | n | p50 | p95 | max |");
        System.out.println("|---|---|---|---:|---:|---:|---:|");
        for (String lab : labs) {
            Map<String, List<Long>> times = new LinkedHashMap<>();
            for (var server : servers.entrySet()) {
                start(server.getValue(), lab); // warm-up: the server's paths and the engine's image cache
                times.put(server.getKey(), new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                for (var server : servers.entrySet()) {
                    times.get(server.getKey()).add(start(server.getValue(), lab));
                }
            }
            times.forEach((name, micros) -> {
                Collections.sort(micros);
                System.out.printf(Locale.ROOT, "| cold start | %s | %s | %d | %.0f | %.0f | %.0f |%n", name, lab, n,
                        CheckBench.pct(micros, 50), CheckBench.pct(micros, 95), micros.getLast() / 1000.0);
            });
        }
    }

    /** One start, timed; the session is ended afterwards (not timed). */
    static long start(String base, String lab) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"labId\":\"" + lab + "\",\"lang\":\"ja\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - t0) / 1000;
        if (r.statusCode() != 201 || !r.body().contains("\"status\":\"ready\"")) {
            throw new IllegalStateException("start of " + lab + " failed: " + r.statusCode() + " " + r.body());
        }
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + CheckBench.field(r.body()))).DELETE()
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.discarding());
        return micros;
    }

    /** Where a server's start time went: host side (network, volumes, container) and inside (engine, setup). */
    static void stages(String name, Path log) throws Exception {
        List<Long> made = new ArrayList<>();
        List<Long> ready = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = MADE.matcher(line);
            if (m.find()) {
                made.add(Long.parseLong(m.group(2)) * 1000);
            }
            m = READY.matcher(line);
            if (m.find()) {
                ready.add(Long.parseLong(m.group(2)) * 1000);
            }
        }
        if (made.isEmpty()) {
            System.out.println(name + ": no start stages in the log (DEBUG for io.labdeck.sandbox?)");
            return;
        }
        Collections.sort(made);
        Collections.sort(ready);
        System.out.printf(Locale.ROOT, "%s: network, volumes and container made and started p50 %.0f ms (p95 %.0f);"
                + " then inner engine ready p50 %.0f ms (p95 %.0f), over %d starts%n", name,
                CheckBench.pct(made, 50), CheckBench.pct(made, 95), CheckBench.pct(ready, 50),
                CheckBench.pct(ready, 95), made.size());
    }
}
