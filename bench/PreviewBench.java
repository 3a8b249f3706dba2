import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Port preview benchmark: the same stand-in app on 127.0.0.1 called directly and through Labdeck's proxy
 * ({@code /sessions/{id}/ports/{port}/...}, with the owner cookie), alternating, in one run:
 * <ul>
 * <li>latency: one request at a time (keep-alive), p50/p99 after a warm-up;</li>
 * <li>small answers (13 bytes): requests per second at a fixed concurrency;</li>
 * <li>bulk: 8 MiB answers, MB/s at a fixed concurrency.</li>
 * </ul>
 * The load generator is one Vert.x event loop (at most one core of the two), so it cannot starve the proxy more on
 * one path than on the other. The app runs in a JVM of its own ({@code PreviewBench serve PORT}); Labdeck reaches it
 * through {@code labdeck.preview.target-address=127.0.0.1}, so the whole run stays on loopback.
 *
 * A second app port, when given, is Python's {@code http.server} (what a learner's app is more like): small answers
 * only.
 *
 * Usage: java PreviewBench serve PORT | java PreviewBench BASE_URL APP_PORT[,PYTHON_PORT] [seconds] [concurrency]
 */
public class PreviewBench {

    static final Buffer SMALL = Buffer.buffer("hello, world\n");
    static final Buffer BULK = Buffer.buffer(new byte[8 << 20]);

    public static void main(String[] args) throws Exception {
        if (args[0].equals("serve")) {
            serve(Integer.parseInt(args[1]));
            return;
        }
        String base = args[0];
        int[] apps = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        String[] session = start(base);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            int labdeck = URI.create(base).getPort();
            Load load = new Load(vertx);
            List<String> rows = new ArrayList<>();
            for (int a = 0; a < apps.length; a++) {
                // The first app is the JVM one (small and bulk answers); a second, Python's http.server (small only).
                boolean bulk = a == 0;
                String name = bulk ? "Vert.x app" : "Python app";
                Target direct = new Target("direct", apps[a], "", null);
                Target proxy = new Target("proxy", labdeck, "/sessions/" + session[0] + "/ports/" + apps[a], session[1]);
                System.out.println("Warming up both paths to the " + name + "...");
                // A full-length warm-up: the proxy's path through Quarkus's router and the proxy library needs more
                // JIT time than the direct one (a 3 s warm-up left round 1 a third slower than round 2).
                for (Target t : List.of(direct, proxy)) {
                    load.latencies(t, "/small", 3000);
                    load.throughput(t, "/small", concurrency, seconds);
                    if (bulk) {
                        load.throughput(t, "/bulk", 4, 2);
                    }
                }
                for (int round = 1; round <= 2; round++) {
                    long[] d = load.latencies(direct, "/small", 5000);
                    long[] p = load.latencies(proxy, "/small", 5000);
                    double dr = load.throughput(direct, "/small", concurrency, seconds)[0];
                    double pr = load.throughput(proxy, "/small", concurrency, seconds)[0];
                    double db = bulk ? load.throughput(direct, "/bulk", 4, seconds)[1] : Double.NaN;
                    double pb = bulk ? load.throughput(proxy, "/bulk", 4, seconds)[1] : Double.NaN;
                    rows.add(String.format(Locale.ROOT, "| %s, round %d | %.2f / %.2f | %.2f / %.2f | **+%.2f** | %.0f"
                            + " | %.0f | **%.0f%%** | %s |", name, round, ms(d, 50), ms(d, 99), ms(p, 50), ms(p, 99),
                            ms(p, 50) - ms(d, 50), dr, pr, 100 * pr / dr, bulk ? String.format(Locale.ROOT,
                                    "%.0f / %.0f = **%.0f%%**", db, pb, 100 * pb / db) : "-"));
                }
            }
            System.out.println();
            System.out.println("| app, round | direct p50 / p99 (ms) | proxy p50 / p99 (ms) | added p50 (ms) | direct req/s"
                    + " | proxy req/s | proxy / direct | bulk MB/s direct / proxy |");
            System.out.println("|---|---|---|---|---:|---:|---:|---|");
            rows.forEach(System.out::println);
            System.out.println("(small: 13-byte answers, " + concurrency + " concurrent; bulk: 8 MiB answers, 4"
                    + " concurrent; " + seconds + " s each)");
        } finally {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + session[0]))
                    .DELETE().header("Cookie", session[1]).build(), HttpResponse.BodyHandlers.discarding());
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    record Target(String name, int port, String prefix, String cookie) {
        RequestOptions request(String path) {
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                    .setPort(port).setURI(prefix + path);
            if (cookie != null) {
                options.putHeader("Cookie", cookie);
            }
            return options;
        }
    }

    /** Requests from one event loop: sequential for latency, a fixed number in flight for throughput. */
    static final class Load {
        private final Vertx vertx;

        Load(Vertx vertx) {
            this.vertx = vertx;
        }

        long[] latencies(Target target, String path, int n) throws Exception {
            var client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(1));
            long[] nanos = new long[n];
            CompletableFuture<Void> done = new CompletableFuture<>();
            vertx.runOnContext(v -> next(client, target.request(path), nanos, 0, done));
            done.get(120, TimeUnit.SECONDS);
            client.close();
            Arrays.sort(nanos);
            return nanos;
        }

        private void next(io.vertx.core.http.HttpClient client, RequestOptions options, long[] nanos, int i,
                CompletableFuture<Void> done) {
            if (i == nanos.length) {
                done.complete(null);
                return;
            }
            long t0 = System.nanoTime();
            client.request(options).compose(r -> r.send()).compose(r -> check(r).body()).onSuccess(b -> {
                nanos[i] = System.nanoTime() - t0;
                next(client, options, nanos, i + 1, done);
            }).onFailure(done::completeExceptionally);
        }

        /** Requests per second and MB/s with {@code concurrency} requests in flight for {@code seconds}. */
        double[] throughput(Target target, String path, int concurrency, int seconds) throws Exception {
            var client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                    .setMaxPoolSize(concurrency));
            AtomicLong requests = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            CompletableFuture<Void> done = new CompletableFuture<>();
            AtomicLong running = new AtomicLong(concurrency);
            long t0 = System.nanoTime();
            vertx.runOnContext(v -> {
                for (int i = 0; i < concurrency; i++) {
                    loop(client, target.request(path), end, requests, bytes, running, done);
                }
            });
            done.get(seconds + 60L, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            client.close();
            return new double[] {requests.get() / elapsed, bytes.get() / elapsed / 1e6};
        }

        private void loop(io.vertx.core.http.HttpClient client, RequestOptions options, long end, AtomicLong requests,
                AtomicLong bytes, AtomicLong running, CompletableFuture<Void> done) {
            if (System.nanoTime() >= end) {
                if (running.decrementAndGet() == 0) {
                    done.complete(null);
                }
                return;
            }
            client.request(options).compose(r -> r.send()).compose(r -> {
                check(r);
                AtomicLong length = new AtomicLong();
                r.handler(b -> length.addAndGet(b.length()));
                return r.end().map(x -> length.get());
            }).onSuccess(n -> {
                requests.incrementAndGet();
                bytes.addAndGet(n);
                loop(client, options, end, requests, bytes, running, done);
            }).onFailure(done::completeExceptionally);
        }

        private static io.vertx.core.http.HttpClientResponse check(io.vertx.core.http.HttpClientResponse r) {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("answer " + r.statusCode() + " from " + r.request().getURI());
            }
            return r;
        }
    }

    static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }

    static void serve(int port) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        vertx.createHttpServer().requestHandler(r -> {
            Buffer body = r.path().equals("/bulk") ? BULK : SMALL;
            r.response().putHeader("Content-Type", "application/octet-stream").end(body);
        }).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        System.out.println("app listening on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }

    static String[] start(String base) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/api/sessions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"labId\":\"container-basics\",\"lang\":\"ja\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("start failed: " + r.body());
        }
        String id = r.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return new String[] {id, r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0]};
    }
}
