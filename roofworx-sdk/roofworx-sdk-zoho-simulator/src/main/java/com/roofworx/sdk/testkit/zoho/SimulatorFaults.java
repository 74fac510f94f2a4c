package com.roofworx.sdk.testkit.zoho;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scripted faults. Each "next N" fault applies to the next N matching requests (or records) and then stops
 * by itself. Each switch ({@link #upsertUnavailable}, {@link #upsertRateLimited}, {@link #apiUnavailable},
 * {@link #tokenUnavailable}, {@link #tokenRateLimited}) holds until switched off, for outages that last
 * across many calls; a switch is answered before the access token is checked, as a service that is down
 * checks nothing. API faults apply to {@code /crm/...} calls; token faults to {@code /oauth/v2/token}.
 * Thread safe.
 */
public final class SimulatorFaults {
    private final AtomicReference<Outage> api = new AtomicReference<>();
    private final AtomicReference<Outage> upsert = new AtomicReference<>();
    private final AtomicReference<Outage> token = new AtomicReference<>();
    private final AtomicInteger recordLocked = new AtomicInteger();
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

    /** While on, every upsert (of any module, so every Time_Entries write) answers 503 and writes nothing. */
    public SimulatorFaults upsertUnavailable(boolean on) {
        upsert.set(on ? Outage.UNAVAILABLE : null);
        return this;
    }

    /**
     * While on, every upsert answers 429 TOO_MANY_REQUESTS, with Retry-After when {@code retryAfter} is not
     * null, and writes nothing. Switching it off also ends {@link #upsertUnavailable}, and the other way round:
     * one upsert outage at a time.
     */
    public SimulatorFaults upsertRateLimited(boolean on, Duration retryAfter) {
        upsert.set(on ? Outage.rateLimited(retryAfter) : null);
        return this;
    }

    /** While on, every {@code /crm/...} call (reads, search, users, upserts) answers 503. */
    public SimulatorFaults apiUnavailable(boolean on) {
        api.set(on ? Outage.UNAVAILABLE : null);
        return this;
    }

    /** While on, the token endpoint answers 503 with no body. Tokens already issued keep working. */
    public SimulatorFaults tokenUnavailable(boolean on) {
        token.set(on ? Outage.UNAVAILABLE : null);
        return this;
    }

    /** While on, the token endpoint answers 429, with Retry-After when {@code retryAfter} is not null. */
    public SimulatorFaults tokenRateLimited(boolean on, Duration retryAfter) {
        token.set(on ? Outage.rateLimited(retryAfter) : null);
        return this;
    }

    /**
     * The next {@code n} records upserted (counted record by record, across calls) answer RECORD_LOCKED in
     * the multi-status reply and are not written; the other records of the same call are. For chosen
     * records, see {@link ZohoCrmSimulator#lock(String)}.
     */
    public SimulatorFaults recordLockedNext(int n) {
        recordLocked.set(n);
        return this;
    }

    /** Clears every scripted fault and switches every outage off. */
    public void clear() {
        api.set(null);
        upsert.set(null);
        token.set(null);
        recordLocked.set(0);
        invalidToken.set(0);
        scopeMismatch.set(0);
        rateLimited.set(0);
        serverError.set(0);
        dropAfterWrite.set(0);
        slow.set(0);
        invalidCode.set(0);
        tokenDelay.set(Duration.ZERO);
    }

    /** The outage answering this API call, if one is switched on; the whole-API one wins. */
    Optional<Outage> apiOutage(boolean isUpsert) {
        Outage all = api.get();
        return Optional.ofNullable(all != null || !isUpsert ? all : upsert.get());
    }

    Optional<Outage> tokenOutage() {
        return Optional.ofNullable(token.get());
    }

    boolean takeRecordLocked() {
        return take(recordLocked);
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
