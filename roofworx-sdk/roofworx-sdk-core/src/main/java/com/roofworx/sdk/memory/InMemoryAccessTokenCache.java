package com.roofworx.sdk.memory;

import com.roofworx.sdk.spi.AccessTokenCache;
import com.roofworx.sdk.spi.Clock;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An access-token cache for one JVM. Thread-safe. */
public final class InMemoryAccessTokenCache implements AccessTokenCache {
    private final Map<String, AccessToken> tokens = new HashMap<>();
    private final Map<String, Lock> locks = new HashMap<>();
    private final Clock clock;

    public InMemoryAccessTokenCache() {
        this(Clock.system());
    }

    public InMemoryAccessTokenCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<AccessToken> get(String key) {
        AccessToken token = tokens.get(key);
        if (token != null && !token.expiresAt().isAfter(clock.now())) {
            tokens.remove(key);
            return Optional.empty();
        }
        return Optional.ofNullable(token);
    }

    @Override
    public synchronized void put(String key, AccessToken token) {
        tokens.put(key, token);
    }

    @Override
    public synchronized boolean tryLock(String key, String owner, Instant until) {
        Lock held = locks.get(key);
        if (held != null && !held.owner.equals(owner) && held.until.isAfter(clock.now())) {
            return false;
        }
        locks.put(key, new Lock(owner, until));
        return true;
    }

    @Override
    public synchronized void unlock(String key, String owner) {
        Lock held = locks.get(key);
        if (held != null && held.owner.equals(owner)) {
            locks.remove(key);
        }
    }

    private record Lock(String owner, Instant until) {
    }
}
