package com.roofworx.sdk.internal;

import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The cold sink's daily call budget, counted for all instances together in the hot store. Zoho CRM meters
 * API calls per day; running out there fails every call until the next day, so the engine stops itself
 * first and lets entries wait in the warm store. Fails open: when the count cannot be reached, the call is
 * made (an outage of the counter must not stop the sync).
 */
final class ColdBudget {
    private final HotEntryStore hot;
    private final int perDay;
    private final Clock clock;
    private final Events events;

    ColdBudget(HotEntryStore hot, int perDay, Clock clock, Events events) {
        this.hot = hot;
        this.perDay = perDay;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Counts one call (always, so the day's count is there to watch) and answers false when a budget is set
     * and used up: the call must not be made.
     */
    boolean take() {
        try {
            long today = hot.addCalls(Destination.COLD, today(), 1);
            return perDay == 0 || today <= perDay;
        } catch (RuntimeException e) {
            events.storeFailed("hot", "addCalls", e);
            return true;
        }
    }

    /** Calls made today by all instances (counting refused takes), or -1 when the count cannot be read. */
    long usedToday() {
        try {
            return hot.addCalls(Destination.COLD, today(), 0);
        } catch (RuntimeException e) {
            events.storeFailed("hot", "addCalls", e);
            return -1;
        }
    }

    int perDay() {
        return perDay;
    }

    /** When the budget renews: the start of the next UTC day. */
    Instant renewsAt() {
        return today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    }
}
