package com.roofworx.sdk.event;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.FailureKind;

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

    /**
     * A worker corrected or voided an entry: {@code entry} is the new version. {@code storedIn} is where the
     * change was first stored (the warm store when the hot store was down).
     */
    record EntryChanged(TimeEntry entry, Tier storedIn) implements RoofworxEvent {
    }

    /** An entry reached a destination. {@code lag} is the time from its creation. */
    record EntrySynced(TimeEntry entry, Destination destination, Duration lag) implements RoofworxEvent {
    }

    /**
     * An attempt failed; the engine tries again at {@code nextAttemptAt}. {@code kind} is the failure's class;
     * {@code cause} is the exception of a whole-call failure, null for a per-record outcome.
     */
    record SyncFailed(TimeEntry entry, Destination destination, int attempts, String error, Instant nextAttemptAt,
                      FailureKind kind, Throwable cause) implements RoofworxEvent {
    }

    /**
     * The destination refused the entry on its merits; it is parked until replayed. {@code code} is the
     * refusal's code (also the prefix of {@code error}).
     */
    record EntryBlocked(TimeEntry entry, Destination destination, String code, String error) implements RoofworxEvent {
    }

    /** A blocked entry was put back on the queue. */
    record EntryReplayed(UUID entryId) implements RoofworxEvent {
    }

    /** A bulk replay put {@code count} blocked entries matching {@code filter} back. */
    record EntriesReplayed(int count, BlockedFilter filter) implements RoofworxEvent {
    }

    /**
     * A destination failed as a whole and is paused (or a probe failed and the pause goes on): entries wait
     * for it without using up attempts, and one probe per backoff interval tests it.
     */
    record DestinationPaused(DestinationPause pause, Throwable cause) implements RoofworxEvent {
    }

    /** A probe (or any call) succeeded: the destination drains at full speed again. */
    record DestinationResumed(Destination destination, Instant pausedSince, Duration pausedFor)
            implements RoofworxEvent {
    }

    /**
     * The project source failed and {@code user}'s projects were answered from the last known list
     * (stale-if-error), so the worker can go on submitting.
     */
    record ProjectsServedStale(String user, Throwable cause) implements RoofworxEvent {
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

    /**
     * A store or sink failed and the SDK worked around it (fallback, retry later). {@code error} is the
     * exception's message, {@code cause} the exception, {@code kind} its class.
     */
    record StoreFailed(String store, String operation, String error, Throwable cause, FailureKind kind)
            implements RoofworxEvent {
    }
}
