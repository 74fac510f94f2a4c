package com.roofworx.app.infrastructure;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which stores failed while the current thread served one request. The SDK reads the tiers on the caller's
 * thread and falls back silently (a list is served from Redis alone while PostgreSQL is down), so the request
 * learns about the fallback here and can mark its answer partial. Only threads inside {@link #track()} record.
 */
public final class StoreFailures implements AutoCloseable {
    private static final ThreadLocal<Set<String>> CURRENT = new ThreadLocal<>();

    private StoreFailures() {
    }

    /** Starts recording on this thread; close it to stop. */
    public static StoreFailures track() {
        CURRENT.set(new TreeSet<>());
        return new StoreFailures();
    }

    static void record(String store) {
        Set<String> failed = CURRENT.get();
        if (failed != null) {
            failed.add(store);
        }
    }

    /** The stores that failed since {@link #track()}, in name order. */
    public Set<String> failed() {
        Set<String> failed = CURRENT.get();
        return failed == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(failed));
    }

    @Override
    public void close() {
        CURRENT.remove();
    }
}
