package com.roofworx.sdk.spi;

import java.time.Duration;

/**
 * Implemented by an adapter's exception that knows when trying again makes sense, such as an HTTP 429
 * with {@code Retry-After}. The sync engine waits at least that long before the next attempt of every
 * entry the failed call carried (longer if its own backoff says so).
 */
public interface RetryHint {

    /** The least time to wait before trying again, or null when the failure did not say. */
    Duration retryAfter();
}
