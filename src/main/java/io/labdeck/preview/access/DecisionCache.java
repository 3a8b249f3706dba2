package io.labdeck.preview.access;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Access decisions kept for a few seconds, so a page's dozens of requests (and a benchmark's thousands) cost one
 * database read and one sandbox inspection, not one each. Bounded: when full, expired entries go, then everything.
 * A session that ends or is reset is forgotten when its event arrives (PreviewAccess), so its old address is
 * not used again.
 */
final class DecisionCache<V> {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long lifetimeNanos;
    private final LongSupplier nanoTime;

    DecisionCache(Duration lifetime, LongSupplier nanoTime) {
        this.lifetimeNanos = lifetime.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The decision kept for {@code key}, or null when there is none or it has expired. */
    V get(String key) {
        Entry<V> entry = entries.get(key);
        if (entry == null || nanoTime.getAsLong() - entry.expiresAt() > 0) {
            return null;
        }
        return entry.value();
    }

    void put(String key, V value) {
        if (lifetimeNanos <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            long now = nanoTime.getAsLong();
            entries.values().removeIf(e -> now - e.expiresAt() > 0);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, nanoTime.getAsLong() + lifetimeNanos));
    }

    void clear() {
        entries.clear();
    }

    /** Forgets every decision whose key starts with {@code prefix}. */
    void forget(String prefix) {
        entries.keySet().removeIf(key -> key.startsWith(prefix));
    }
}
