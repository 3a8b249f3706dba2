package io.labdeck.platform;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One serial lane per key (a session): tasks submitted for a key run one after another, in order, each on a virtual
 * thread of its own, and never two at once. That makes each session's work single-owner without a lock held across
 * I/O: a check cannot interleave with a setup, nor an attach with a close. A lane that is {@link #close closed}
 * runs what was queued before and refuses the rest. Lanes of keys that are idle go away on their own.
 */
public final class Lanes {

    /** A task refused because its lane was closed. */
    public static final class ClosedException extends RuntimeException {
        public ClosedException(String key) {
            super("the lane of " + key + " is closed", null, false, false);
        }
    }

    private final String name;
    private final ExecutorService threads;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    /** Keys closed for good (bounded: a key is kept until it is asked for again, or the set is pruned). */
    private final Map<String, Boolean> closed = new ConcurrentHashMap<>();

    public Lanes(String name) {
        this.name = name;
        this.threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 0).factory());
    }

    /** Runs the task in the key's lane after everything submitted before it. */
    public <T> CompletableFuture<T> submit(String key, Callable<T> task) {
        if (closed.containsKey(key)) {
            return CompletableFuture.failedFuture(new ClosedException(key));
        }
        return lanes.compute(key, (k, lane) -> lane == null ? new Lane(k) : lane).enqueue(task);
    }

    /** Refuses every later task of the key; those already queued still run. */
    public void close(String key) {
        closed.put(key, Boolean.TRUE);
        if (closed.size() > 100_000) {
            closed.clear(); // a safety valve: callers check their own state too
        }
    }

    /** Whether the key was closed. */
    public boolean isClosed(String key) {
        return closed.containsKey(key);
    }

    /** Lanes that exist now (for tests and metrics). */
    public int size() {
        return lanes.size();
    }

    public void shutdown() {
        threads.shutdownNow();
    }

    private final class Lane {
        private final String key;
        private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
        private int queued;

        Lane(String key) {
            this.key = key;
        }

        /** Called inside {@code lanes.compute}, so enqueueing and forgetting an idle lane never race. */
        <T> CompletableFuture<T> enqueue(Callable<T> task) {
            queued++;
            CompletableFuture<T> next = tail.handle((r, e) -> null).thenApplyAsync(ignored -> {
                try {
                    return task.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, threads);
            tail = next;
            next.whenComplete((r, e) -> lanes.computeIfPresent(key, (k, lane) -> --lane.queued == 0 ? null : lane));
            return next;
        }
    }

    @Override
    public String toString() {
        return "Lanes[" + name + ", " + lanes.size() + " busy]";
    }
}
