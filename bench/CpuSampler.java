import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where the CPU went during a phase: user+system seconds of every process (from /proc, sampled every 200 ms so that
 * processes which end during the phase are counted), summed by command name. Labdeck's server (its pid in
 * {@code bench.server.pid}) and this benchmark are named apart, since both are "java".
 */
final class CpuSampler implements AutoCloseable {

    private static final long SERVER = Long.getLong("bench.server.pid", -1);
    private static final long SELF = ProcessHandle.current().pid();
    private static final double TICKS = 100.0;

    private final Map<Long, Long> first = new ConcurrentHashMap<>();
    private final Map<Long, Long> last = new ConcurrentHashMap<>();
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cpu-sampler");
        t.setDaemon(true);
        return t;
    });
    private final long[] machineStart = machine();

    CpuSampler() {
        sample(true);
        timer.scheduleAtFixedRate(() -> sample(false), 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Busy and total ticks of the whole machine. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < f.length; i++) {
                all += Long.parseLong(f[i]);
            }
            return new long[] {all - Long.parseLong(f[4]) - Long.parseLong(f[5]), all};
        } catch (Exception e) {
            return new long[] {0, 0};
        }
    }

    private synchronized void sample(boolean initial) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : dirs) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String[] f = stat.substring(close + 2).split(" ");
                    long pid = Long.parseLong(dir.getFileName().toString());
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    names.put(pid, pid == SERVER ? "labdeck" : pid == SELF ? "benchmark"
                            : command(stat.substring(stat.indexOf('(') + 1, close)));
                    // A process that started during the phase counts from zero.
                    first.putIfAbsent(pid, initial ? ticks : 0);
                    last.put(pid, ticks);
                } catch (Exception ended) {
                    // the process ended between listing and reading
                }
            }
        } catch (Exception e) {
            // no /proc: no figures
        }
    }

    /** Kernel workers ("kworker/u8:5-events_unbound") count as one. */
    private static String command(String comm) {
        return comm.startsWith("kworker/") ? "kworker" : comm;
    }

    /** "CPU s: 39.1 busy of 41.4; containerd-shim 9.1, head 7.2, …" for the processes that used at least 0.1 s. */
    String report() {
        sample(false);
        long[] machineEnd = machine();
        Map<String, Long> byName = new HashMap<>();
        last.forEach((pid, ticks) -> byName.merge(names.get(pid), ticks - first.get(pid), Long::sum));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "CPU s: %.1f busy of %.1f;",
                (machineEnd[0] - machineStart[0]) / TICKS, (machineEnd[1] - machineStart[1]) / TICKS));
        byName.entrySet().stream().filter(e -> e.getValue() >= 10)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> sb.append(String.format(Locale.ROOT, " %s %.1f,", e.getKey(), e.getValue() / TICKS)));
        return sb.substring(0, sb.length() - 1);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
