package com.roofworx.sdk.internal;

import io.github.resilience4j.core.IntervalFunction;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff with jitter between sync attempts, from Resilience4j's interval functions. Jitter
 * spreads retries of entries that failed together (one outage) so they do not return as one burst.
 */
final class Backoff {
    private final IntervalFunction intervals;

    Backoff(Duration initial, double multiplier, double jitter, Duration max) {
        this.intervals = jitter > 0
                ? IntervalFunction.ofExponentialRandomBackoff(initial, multiplier, jitter, max)
                : IntervalFunction.ofExponentialBackoff(initial, multiplier, max);
    }

    /**
     * When to try again after the {@code attempts}-th failure; never sooner than a destination's own
     * {@code retryAfter} hint (for example HTTP Retry-After).
     */
    Instant next(int attempts, Instant now, Duration retryAfter) {
        long wait = intervals.apply(Math.max(1, attempts));
        if (retryAfter != null && retryAfter.toMillis() > wait) {
            wait = retryAfter.toMillis();
        }
        return now.plusMillis(wait);
    }
}
