package com.roofworx.sdk.testkit.zoho;

import java.util.concurrent.atomic.AtomicInteger;

/** How often each endpoint was called, for assertions. Thread safe; {@link #reset()} zeroes every counter. */
public final class CallCounters {
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

    /** {@code POST /crm/v8/{module}/upsert} calls. */
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

    /** API calls answered 429. */
    public int rateLimited() {
        return rateLimited.get();
    }

    public void reset() {
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
