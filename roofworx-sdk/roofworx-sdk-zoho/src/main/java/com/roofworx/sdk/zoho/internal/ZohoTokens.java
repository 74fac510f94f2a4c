package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.spi.AccessTokenCache;
import com.roofworx.sdk.spi.AccessTokenCache.AccessToken;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.zoho.ZohoConfig;
import com.roofworx.sdk.zoho.ZohoException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The access token of one refresh-token grant, shared by every caller of this JVM (a local lock: 50
 * callers on an expired token cause one refresh) and by every instance (the {@link AccessTokenCache} and
 * its refresh lock: one instance mints, the others wait for the cached result). A token is replaced
 * {@link ZohoConfig#tokenRefreshMargin()} before it expires. Tokens are never logged.
 * <p>
 * Failure: when the token cache cannot be reached the token is minted locally (more mints, but no
 * outage); a refused grant or an unreachable token endpoint is thrown as a {@link ZohoException}.
 */
public final class ZohoTokens {
    /** The refresh lock outlives the slowest possible mint (connect + read timeout), plus a margin. */
    private static final Duration LOCK_MARGIN = Duration.ofSeconds(5);
    static final Duration LOCK_POLL = Duration.ofMillis(50);
    private static final System.Logger LOG = System.getLogger(ZohoTokens.class.getName());

    private final ZohoConfig config;
    private final TokenMinter minter;
    private final AccessTokenCache cache;
    private final Clock clock;
    private final String key;
    private final String owner = UUID.randomUUID().toString();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AccessToken current;
    private final Duration lockTime;

    public ZohoTokens(ZohoConfig config, TokenMinter minter, AccessTokenCache cache, Clock clock) {
        this.config = config;
        this.minter = minter;
        this.cache = cache;
        this.clock = clock;
        this.key = config.tokenCacheKey();
        this.lockTime = config.connectTimeout().plus(config.readTimeout()).plus(LOCK_MARGIN);
    }

    /** A token that is valid for at least the refresh margin; minted (once) when there is none. */
    public AccessToken current() {
        AccessToken token = current;
        if (usable(token, null)) {
            return token;
        }
        lock.lock();
        try {
            if (usable(current, null)) {
                return current;
            }
            current = obtain(null);
            return current;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A token other than {@code rejected}, which Zoho just refused: another caller's newer token when there
     * is one, else a freshly minted one.
     */
    public AccessToken replace(AccessToken rejected) {
        lock.lock();
        try {
            if (usable(current, rejected)) {
                return current;
            }
            current = obtain(rejected);
            return current;
        } finally {
            lock.unlock();
        }
    }

    // The wait is timed on the injected clock, as the lock's own expiry is: a retry library counting attempts
    // on the wall clock would drift from the lock it waits for.
    private AccessToken obtain(AccessToken rejected) {
        Instant giveUp = clock.now().plus(lockTime);
        while (true) {
            Optional<AccessToken> shared = cached().filter(t -> usable(t, rejected));
            if (shared.isPresent()) {
                return shared.get();
            }
            if (tryLock()) {
                try {
                    // Another instance may have put a token between our read and our lock.
                    shared = cached().filter(t -> usable(t, rejected));
                    if (shared.isPresent()) {
                        return shared.get();
                    }
                    AccessToken minted = minter.mint();
                    store(minted);
                    return minted;
                } finally {
                    unlock();
                }
            }
            if (clock.now().isAfter(giveUp)) {
                throw ZohoException.unavailable("token refresh", 0, "TOKEN_LOCK_TIMEOUT",
                        new IllegalStateException("another instance held the token refresh lock for " + lockTime));
            }
            pause();
        }
    }

    private boolean usable(AccessToken token, AccessToken rejected) {
        return token != null
                && (rejected == null || !token.value().equals(rejected.value()))
                && clock.now().plus(config.tokenRefreshMargin()).isBefore(token.expiresAt());
    }

    private Optional<AccessToken> cached() {
        try {
            return cache.get(key);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "token cache unreachable on read, minting locally: {0}", e.toString());
            return Optional.empty();
        }
    }

    private boolean tryLock() {
        try {
            return cache.tryLock(key, owner, clock.now().plus(lockTime));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "token cache unreachable on lock, minting locally: {0}", e.toString());
            return true;
        }
    }

    private void store(AccessToken token) {
        try {
            cache.put(key, token);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "token cache unreachable on write: {0}", e.toString());
        }
    }

    private void unlock() {
        try {
            cache.unlock(key, owner);
        } catch (RuntimeException e) {
            // The lock runs out by itself after lockTime.
            LOG.log(System.Logger.Level.DEBUG, "token cache unreachable on unlock: {0}", e.toString());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(LOCK_POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ZohoException.unavailable("token refresh", 0, "INTERRUPTED", e);
        }
    }

    /** Mints a new access token at the token endpoint. */
    @FunctionalInterface
    public interface TokenMinter {
        AccessToken mint();
    }
}
