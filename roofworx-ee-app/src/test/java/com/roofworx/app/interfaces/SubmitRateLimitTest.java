package com.roofworx.app.interfaces;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SubmitRateLimitTest {
    private final AtomicLong nanos = new AtomicLong(1_000);

    private void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000);
    }

    @Test
    void aUserGetsTheBurstAtOnceThenTheRate() {
        SubmitRateLimit limit = new SubmitRateLimit(5, 50, nanos::get);
        for (int i = 0; i < 50; i++) {
            assertThat(limit.take("ana")).as("submit %d", i).isZero();
        }
        assertThat(limit.take("ana")).isEqualTo(1);
        assertThat(limit.take("ben")).as("users have their own buckets").isZero();
        advanceMillis(199);
        assertThat(limit.take("ana")).isPositive();
        advanceMillis(2);
        assertThat(limit.take("ana")).as("one token per 200 ms").isZero();
        assertThat(limit.take("ana")).isPositive();
    }

    @Test
    void retryAfterCoversTheWaitForOneToken() {
        SubmitRateLimit slow = new SubmitRateLimit(0.1, 1, nanos::get);
        assertThat(slow.take("ana")).isZero();
        assertThat(slow.take("ana")).isEqualTo(10);
        advanceMillis(9_500);
        assertThat(slow.take("ana")).isEqualTo(1);
    }

    @Test
    void zeroRateTurnsTheLimitOff() {
        SubmitRateLimit off = new SubmitRateLimit(0, 1, nanos::get);
        for (int i = 0; i < 1_000; i++) {
            assertThat(off.take("ana")).isZero();
        }
    }

    @Test
    void idleUsersAreForgottenOnceTheMapGrows() {
        SubmitRateLimit limit = new SubmitRateLimit(5, 2, nanos::get);
        for (int i = 0; i <= SubmitRateLimit.PRUNE_ABOVE; i++) {
            limit.take("user" + i);
        }
        advanceMillis(1_000);
        limit.take("one-more");
        assertThat(limit.trackedUsers()).isLessThan(10);
    }
}
