package com.roofworx.sdk.testkit.zoho;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scripted faults: each "next N" fault applies to the next N matching requests and then stops by itself.
 * API faults apply to {@code /crm/...} calls; token faults to {@code /oauth/v2/token}. Thread safe.
 */
public final class SimulatorFaults {
    private final AtomicInteger invalidToken = new AtomicInteger();
    private final AtomicInteger scopeMismatch = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger retryAfterSeconds = new AtomicInteger(-1);
    private final AtomicInteger serverError = new AtomicInteger();
    private final AtomicInteger dropAfterWrite = new AtomicInteger();
    private final AtomicInteger slow = new AtomicInteger();
    private final AtomicReference<Duration> slowDelay = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Duration> tokenDelay = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger invalidCode = new AtomicInteger();

    /** The next {@code n} API calls answer 401 INVALID_TOKEN whatever token they carry (a revoked token). */
    public SimulatorFaults rejectTokenNext(int n) {
        invalidToken.set(n);
        return this;
    }

    /** The next {@code n} API calls answer 401 OAUTH_SCOPE_MISMATCH. */
    public SimulatorFaults scopeMismatchNext(int n) {
        scopeMismatch.set(n);
        return this;
    }

    /** The next {@code n} API calls answer 429 TOO_MANY_REQUESTS, with Retry-After when {@code retryAfter} is not null. */
    public SimulatorFaults rateLimitNext(int n, Duration retryAfter) {
        retryAfterSeconds.set(retryAfter == null ? -1 : (int) retryAfter.toSeconds());
        rateLimited.set(n);
        return this;
    }

    /** The next {@code n} API calls answer 500 INTERNAL_ERROR without doing anything. */
    public SimulatorFaults serverErrorNext(int n) {
        serverError.set(n);
        return this;
    }

    /** The next {@code n} upserts are applied, then the connection is closed without a reply. */
    public SimulatorFaults dropConnectionAfterWriteNext(int n) {
        dropAfterWrite.set(n);
        return this;
    }

    /** The next {@code n} API calls are answered only after {@code delay}. */
    public SimulatorFaults slowNext(int n, Duration delay) {
        slowDelay.set(delay);
        slow.set(n);
        return this;
    }

    /** Every token request is answered only after {@code delay} (to widen races between refreshing callers). */
    public SimulatorFaults tokenDelay(Duration delay) {
        tokenDelay.set(delay);
        return this;
    }

    /** The next {@code n} token requests answer HTTP 200 with {@code {"error":"invalid_code"}}. */
    public SimulatorFaults invalidCodeNext(int n) {
        invalidCode.set(n);
        return this;
    }

    /** Clears every scripted fault. */
    public void clear() {
        invalidToken.set(0);
        scopeMismatch.set(0);
        rateLimited.set(0);
        serverError.set(0);
        dropAfterWrite.set(0);
        slow.set(0);
        invalidCode.set(0);
        tokenDelay.set(Duration.ZERO);
    }

    boolean takeInvalidToken() {
        return take(invalidToken);
    }

    boolean takeScopeMismatch() {
        return take(scopeMismatch);
    }

    boolean takeRateLimited() {
        return take(rateLimited);
    }

    int retryAfterSeconds() {
        return retryAfterSeconds.get();
    }

    boolean takeServerError() {
        return take(serverError);
    }

    boolean takeDropAfterWrite() {
        return take(dropAfterWrite);
    }

    Duration takeSlow() {
        return take(slow) ? slowDelay.get() : Duration.ZERO;
    }

    Duration tokenDelay() {
        return tokenDelay.get();
    }

    boolean takeInvalidCode() {
        return take(invalidCode);
    }

    private static boolean take(AtomicInteger remaining) {
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
