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

    private static final int MAX_BUCKETS = 100_000;

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
        if (buckets.size() > MAX_BUCKETS) {
            forgetQuiet();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(group(address), a -> newBucket())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw new TooManyStartingException("Too many sessions were started from this address (" + group(address)
                    + ") in a short time; try again in " + Math.max(1, wait.toSeconds()) + " s.", wait);
        }
    }

    /**
     * The group an address counts in: itself for IPv4, its /64 for IPv6 (one customer's network: an attacker
     * there has every address of it).
     */
    public static String group(String address) {
        if (address == null || !address.contains(":") || address.startsWith("::ffff:")) {
            return address == null ? "unknown" : address.replace("::ffff:", "");
        }
        try {
            byte[] b = java.net.InetAddress.getByName(address).getAddress();
            return String.format("%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", b[0], b[1], b[2], b[3], b[4], b[5], b[6],
                    b[7]);
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(config.startBurst())
                .refillGreedy(1, config.startRefill()).build()).build();
    }

    @Scheduled(every = "10m", delayed = "10m")
    void forgetQuiet() {
        buckets.values().removeIf(b -> b.getAvailableTokens() >= config.startBurst());
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear(); // a flood of addresses (spoofed forwarding headers): start afresh rather than grow
        }
    }
}
