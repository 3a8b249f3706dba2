import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Session start benchmark: N cold starts of a lab, one after another, each timed from POST /api/sessions until the
 * answer says the session is ready (for a lab with Docker inside: its own inner engine answers `docker info`), then
 * ended before the next. A cold start makes everything anew: network, volumes, container, inner engine.
 *
 * Usage: java StartBench <labdeck base url> [starts] [lab id...]
 */
public class StartBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> labs = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("image-commit");
        System.out.println();
        System.out.println("| Session start to ready (ms) | lab | n | p50 | p95 | max |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (String lab : labs) {
            start(base, lab); // warm-up: the server's paths and the engine's image cache
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                micros.add(start(base, lab));
            }
            Collections.sort(micros);
            System.out.printf(Locale.ROOT, "| cold start | %s | %d | %.0f | %.0f | %.0f |%n", lab, n,
                    CheckBench.pct(micros, 50), CheckBench.pct(micros, 95), micros.getLast() / 1000.0);
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
}
