package com.roofworx.app.interfaces;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per user: {@code burst} submits at once, refilled at {@code perSecond}. Kept in this instance's
 * memory, so with N instances behind a load balancer a user gets up to N times the rate; the limit is there to
 * bound what one caller (or one stolen token) costs, not to meter use exactly. Buckets that have refilled
 * completely carry no information and are dropped once the map grows past {@link #PRUNE_ABOVE} users.
 */
public final class SubmitRateLimit {
    static final int PRUNE_ABOVE = 10_000;
    private static final long NANOS = 1_000_000_000L;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perSecond refill rate; 0 turns the limit off */
    public SubmitRateLimit(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.nanoTime = nanoTime;
    }

    /** Takes one submit from {@code user}'s allowance: 0 when allowed, else the seconds until one is available. */
    public long take(String user) {
        if (perSecond <= 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(user, u -> new Bucket(burst, now));
        long wait;
        synchronized (bucket) {
            bucket.refill(now, perSecond, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                wait = 0;
            } else {
                wait = Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
            }
        }
        if (buckets.size() > PRUNE_ABOVE) {
            prune(now);
        }
        return wait;
    }

    int trackedUsers() {
        return buckets.size();
    }

    private void prune(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket b = it.next();
            synchronized (b) {
                b.refill(now, perSecond, burst);
                if (b.tokens >= burst) {
                    it.remove();
                }
            }
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        void refill(long now, double perSecond, double burst) {
            if (now > updated) {
                tokens = Math.min(burst, tokens + (now - updated) * perSecond / NANOS);
                updated = now;
            }
        }
    }
}
