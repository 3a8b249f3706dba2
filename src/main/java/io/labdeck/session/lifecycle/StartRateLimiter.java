package io.labdeck.session.lifecycle;

import io.labdeck.session.SessionConfig;
import io.labdeck.session.TooManyStartingException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.scheduler.Scheduled;

/**
 * How often one client address may start sessions: a token bucket per address. Its burst is large enough for a
 * whole class behind one school's NAT to start at once; its refill is what stops one script from taking every seat
 * with fresh cookies. Buckets of addresses that have been quiet long enough to be full again are forgotten.
 */
@ApplicationScoped
public class StartRateLimiter {

    private final SessionConfig config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public StartRateLimiter(SessionConfig config) {
        this.config = config;
    }

    /**
     * Takes one start from the address's bucket.
     *
     * @throws TooManyStartingException with the wait until the next start is allowed
     */
    public void acquire(String address) {
        ConsumptionProbe probe = buckets.computeIfAbsent(address, a -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw new TooManyStartingException("Too many sessions were started from this address (" + address
                    + ") in a short time; try again in " + Math.max(1, wait.toSeconds()) + " s.", wait);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(config.startBurst())
                .refillGreedy(1, config.startRefill()).build()).build();
    }

    @Scheduled(every = "10m", delayed = "10m")
    void forgetQuiet() {
        buckets.values().removeIf(b -> b.getAvailableTokens() >= config.startBurst());
    }
}
