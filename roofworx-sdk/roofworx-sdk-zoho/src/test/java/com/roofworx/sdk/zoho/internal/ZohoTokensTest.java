package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.memory.InMemoryAccessTokenCache;
import com.roofworx.sdk.spi.AccessTokenCache.AccessToken;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.zoho.ZohoConfig;
import com.roofworx.sdk.zoho.ZohoException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Waiting for another instance's token refresh, on the in-memory token cache. */
class ZohoTokensTest {
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    private final ZohoConfig config = ZohoConfig.builder().clientId("1000.ABC").clientSecret("s3cret-value")
            .refreshToken("1000.refresh-value").build();
    // Every look at the clock moves it a second, so the wait for the lock runs out after a few dozen polls.
    private final AtomicLong ticks = new AtomicLong();
    private final Clock ticking = () -> START.plusSeconds(ticks.incrementAndGet());
    private final InMemoryAccessTokenCache cache = new InMemoryAccessTokenCache(ticking);
    private final AtomicInteger mints = new AtomicInteger();
    private final ZohoTokens tokens = new ZohoTokens(config, () -> {
        mints.incrementAndGet();
        return new AccessToken("minted-" + mints.get(), START.plus(Duration.ofDays(1)), null);
    }, cache, ticking);

    @Test
    void aRefreshLockHeldElsewhereBeyondAnyMintIsReportedAsUnavailableWithoutMinting() {
        cache.tryLock(config.tokenCacheKey(), "another-instance", START.plus(Duration.ofDays(1)));

        ZohoException e = catchThrowableOfType(ZohoException.class, tokens::current);

        assertThat(e.code()).isEqualTo("TOKEN_LOCK_TIMEOUT");
        assertThat(e.retryable()).isTrue();
        assertThat(mints).hasValue(0);
    }

    @Test
    void aTokenTheLockHolderStoredIsTakenInsteadOfMinting() {
        cache.tryLock(config.tokenCacheKey(), "another-instance", START.plus(Duration.ofDays(1)));
        AccessToken theirs = new AccessToken("theirs", START.plus(Duration.ofDays(1)), null);
        cache.put(config.tokenCacheKey(), theirs);

        assertThat(tokens.current()).isEqualTo(theirs);
        assertThat(mints).hasValue(0);
    }

    @Test
    void aRejectedTokenIsReplacedByOneMintEvenWhileTheCacheStillHoldsIt() {
        AccessToken first = tokens.current();
        AccessToken second = tokens.replace(first);

        assertThat(second.value()).isNotEqualTo(first.value());
        assertThat(tokens.replace(first)).isEqualTo(second);
        assertThat(mints).hasValue(2);
    }
}
