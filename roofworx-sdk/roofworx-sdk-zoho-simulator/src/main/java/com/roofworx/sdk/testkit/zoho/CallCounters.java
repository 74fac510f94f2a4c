package com.roofworx.sdk.testkit.zoho;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How often each endpoint was called, for assertions. Most counters count the calls that got past the
 * scripted faults and the token check (work the simulator did); {@link #upsertRequests()} and
 * {@link #upsertRequestTimes()} count every upsert request received, whatever it was answered, to check
 * how often a client tries during an outage. Thread safe; {@link #reset()} zeroes every counter.
 */
public final class CallCounters {
    private final List<Instant> upsertRequestTimes = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger tokensMinted = new AtomicInteger();
    private final AtomicInteger recordReads = new AtomicInteger();
    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicInteger userReads = new AtomicInteger();
    private final AtomicInteger upserts = new AtomicInteger();
    private final AtomicInteger recordsUpserted = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();

    /** Requests to the token endpoint, answered or not. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** Access tokens actually issued. */
    public int tokensMinted() {
        return tokensMinted.get();
    }

    /** {@code GET /crm/v8/{module}} calls (list or by ids). */
    public int recordReads() {
        return recordReads.get();
    }

    /** {@code GET /crm/v8/{module}/search} calls. */
    public int searches() {
        return searches.get();
    }

    /** {@code GET /crm/v8/users} calls. */
    public int userReads() {
        return userReads.get();
    }

    /** Every {@code POST /crm/v8/{module}/upsert} request received, including those answered 401, 429 or 503. */
    public int upsertRequests() {
        return upsertRequestTimes.size();
    }

    /**
     * When each upsert request of {@link #upsertRequests()} arrived, by the simulator's clock (the
     * {@code Clock} it was started with), oldest first: to check e.g. "at most one call per interval".
     */
    public List<Instant> upsertRequestTimes() {
        return List.copyOf(upsertRequestTimes);
    }

    /** {@code POST /crm/v8/{module}/upsert} calls the simulator processed (past the faults and the token check). */
    public int upserts() {
        return upserts.get();
    }

    /** Records received by upserts (counted before validation). */
    public int recordsUpserted() {
        return recordsUpserted.get();
    }

    /** API calls answered 401. */
    public int unauthorized() {
        return unauthorized.get();
    }

    /** Calls answered 429, by the API or the token endpoint. */
    public int rateLimited() {
        return rateLimited.get();
    }

    public void reset() {
        upsertRequestTimes.clear();
        for (AtomicInteger counter : new AtomicInteger[]{tokenRequests, tokensMinted, recordReads, searches,
                userReads, upserts, recordsUpserted, unauthorized, rateLimited}) {
            counter.set(0);
        }
    }

    void tokenRequest() {
        tokenRequests.incrementAndGet();
    }

    void tokenMinted() {
        tokensMinted.incrementAndGet();
    }

    void recordRead() {
        recordReads.incrementAndGet();
    }

    void search() {
        searches.incrementAndGet();
    }

    void userRead() {
        userReads.incrementAndGet();
    }

    void upsertRequest(Instant at) {
        upsertRequestTimes.add(at);
    }

    void upsert(int records) {
        upserts.incrementAndGet();
        recordsUpserted.addAndGet(records);
    }

    void unauthorizedReply() {
        unauthorized.incrementAndGet();
    }

    void rateLimitedReply() {
        rateLimited.incrementAndGet();
    }
}
