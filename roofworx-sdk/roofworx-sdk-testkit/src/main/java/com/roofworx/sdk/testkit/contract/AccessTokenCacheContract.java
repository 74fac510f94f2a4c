package com.roofworx.sdk.testkit.contract;

import com.roofworx.sdk.spi.AccessTokenCache;
import com.roofworx.sdk.spi.AccessTokenCache.AccessToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AccessTokenCache} must do. Extend it and answer a fresh, empty cache on the wall clock. */
public abstract class AccessTokenCacheContract {
    protected AccessTokenCache cache;

    /** A fresh cache that holds nothing and tells time by the wall clock. */
    protected abstract AccessTokenCache newCache();

    @BeforeEach
    void createCache() {
        cache = newCache();
    }

    private static Instant inAnHour() {
        return Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
    }

    @Nested
    @DisplayName("tokens")
    class Tokens {
        @Test
        @DisplayName("misses when nothing is cached, then answers what was put")
        void putGet() {
            assertThat(cache.get("zoho")).isEmpty();
            AccessToken token = new AccessToken("1000.abc", inAnHour(), "https://www.zohoapis.eu");
            cache.put("zoho", token);
            assertThat(cache.get("zoho")).contains(token);
        }

        @Test
        @DisplayName("a newer token replaces the old one")
        void replace() {
            cache.put("zoho", new AccessToken("old", inAnHour(), null));
            AccessToken fresh = new AccessToken("new", inAnHour(), null);
            cache.put("zoho", fresh);
            assertThat(cache.get("zoho")).contains(fresh);
        }

        @Test
        @DisplayName("never answers an expired token")
        void expired() {
            cache.put("zoho", new AccessToken("stale", Instant.now().minusSeconds(1), null));
            assertThat(cache.get("zoho")).isEmpty();
        }

        @Test
        @DisplayName("never shows the token value in toString")
        void redacted() {
            assertThat(new AccessToken("1000.secret", inAnHour(), null).toString()).doesNotContain("secret");
        }
    }

    @Nested
    @DisplayName("refresh lock")
    class Lock {
        @Test
        @DisplayName("one owner at a time; unlock frees it; a stranger's unlock does nothing")
        void exclusive() {
            assertThat(cache.tryLock("zoho", "a", inAnHour())).isTrue();
            assertThat(cache.tryLock("zoho", "b", inAnHour())).isFalse();
            cache.unlock("zoho", "b");
            assertThat(cache.tryLock("zoho", "b", inAnHour())).isFalse();
            cache.unlock("zoho", "a");
            assertThat(cache.tryLock("zoho", "b", inAnHour())).isTrue();
        }

        @Test
        @DisplayName("a lock whose time ran out is free")
        void expires() throws InterruptedException {
            assertThat(cache.tryLock("zoho", "a", Instant.now().plusMillis(200))).isTrue();
            long deadline = System.nanoTime() + 5_000_000_000L;
            boolean taken = false;
            while (!taken && System.nanoTime() < deadline) {
                taken = cache.tryLock("zoho", "b", inAnHour());
                Thread.sleep(20); // polling a real clock: the lock's expiry is wall time
            }
            assertThat(taken).isTrue();
        }
    }
}
