package com.roofworx.sdk.event;

import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.TimeEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Everything the SDK reports about its work. Listeners turn these into metrics and logs; the SDK itself
 * logs nothing. Events never carry secrets; entries carry worker e-mail addresses, so a listener that logs
 * them decides how much to show.
 */
public sealed interface RoofworxEvent {

    /** Where a submitted entry was first stored. */
    enum Tier { HOT, WARM }

    /** A submit succeeded; {@code created} is false for an idempotent repeat. */
    record EntrySubmitted(TimeEntry entry, boolean created, Tier storedIn) implements RoofworxEvent {
    }

    /** An entry reached a destination. {@code lag} is the time from its creation. */
    record EntrySynced(TimeEntry entry, Destination destination, Duration lag) implements RoofworxEvent {
    }

    /** An attempt failed; the engine tries again at {@code nextAttemptAt}. */
    record SyncFailed(TimeEntry entry, Destination destination, int attempts, String error, Instant nextAttemptAt)
            implements RoofworxEvent {
    }

    /** An entry was parked for a destination; it stays until replayed. */
    record EntryBlocked(TimeEntry entry, Destination destination, String error) implements RoofworxEvent {
    }

    /** A blocked entry was put back on the queue. */
    record EntryReplayed(UUID entryId) implements RoofworxEvent {
    }

    /** A worker finished a claimed entry after its lease was taken over; its result was discarded. */
    record LeaseLost(UUID entryId) implements RoofworxEvent {
    }

    /** A user's projects were answered from the cache. */
    record ProjectCacheHit(String user) implements RoofworxEvent {
    }

    /** A user's projects were not cached. */
    record ProjectCacheMiss(String user) implements RoofworxEvent {
    }

    /** Projects were loaded from the source: for one user, or for everyone when {@code user} is null. */
    record ProjectsLoaded(String user, int count, Duration took) implements RoofworxEvent {
    }

    /** A store or sink failed and the SDK worked around it (fallback, retry later). */
    record StoreFailed(String store, String operation, String error) implements RoofworxEvent {
    }
}
