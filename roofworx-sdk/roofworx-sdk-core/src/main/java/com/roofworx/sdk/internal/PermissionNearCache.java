package com.roofworx.sdk.internal;

import com.roofworx.sdk.spi.Clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * A few seconds of in-process memory of which projects a user may book to, so a submit costs one Redis
 * round trip (the insert) instead of two. The price: a withdrawn assignment takes up to the TTL to bite on
 * this instance. Bounded: when full it forgets everything rather than track recency on the hot path.
 */
final class PermissionNearCache {
    static final int MAX_USERS = 10_000;

    private final ConcurrentMap<String, Held> byUser = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    PermissionNearCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    Set<String> allowed(String user, Supplier<Set<String>> load) {
        if (ttl.isZero()) {
            return load.get();
        }
        Instant now = clock.now();
        Held held = byUser.get(user);
        if (held != null && now.isBefore(held.expiresAt)) {
            return held.ids;
        }
        Set<String> ids = load.get();
        if (byUser.size() >= MAX_USERS) {
            byUser.clear();
        }
        byUser.put(user, new Held(ids, now.plus(ttl)));
        return ids;
    }

    void clear() {
        byUser.clear();
    }

    private record Held(Set<String> ids, Instant expiresAt) {
    }
}
