package io.labdeck.platform;

import java.util.ArrayList;
import java.util.List;

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
        // Enqueued inside compute: a lane that just went idle cannot be forgotten between finding it and queueing
        // on it (which let a second lane of the same key run beside it).
        List<CompletableFuture<T>> queued = new ArrayList<>(1);
        lanes.compute(key, (k, lane) -> {
            Lane l = lane == null ? new Lane(k) : lane;
            queued.add(l.enqueue(task));
            return l;
        });
        return queued.getFirst();
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
            // Async: a task already done must not update the map from inside the compute that queued it.
            next.whenCompleteAsync((r, e) -> lanes.computeIfPresent(key,
                    (k, lane) -> lane != this || --lane.queued > 0 ? lane : null), threads);
            return next;
        }
    }

    @Override
    public String toString() {
        return "Lanes[" + name + ", " + lanes.size() + " busy]";
    }
}
