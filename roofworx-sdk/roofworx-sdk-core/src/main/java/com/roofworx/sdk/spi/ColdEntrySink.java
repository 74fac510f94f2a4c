package com.roofworx.sdk.spi;

import com.roofworx.sdk.model.TimeEntry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The cold tier: the compliance copy (Zoho CRM's Time_Entries in the shipped adapter). Write only.
 * <p>
 * Writes must be idempotent by entry id (an upsert keyed by an external-id field holding the entry's UUID),
 * because the engine retries whenever it cannot know whether a write was applied.
 * <p>
 * Failure: a whole-batch failure (network, authentication, rate limit) is thrown as an unchecked exception
 * and treated as retryable for every entry of the batch. Per-entry failures are answered as outcomes.
 */
public interface ColdEntrySink {

    /** The most entries one {@link #upsert} call takes (100 for Zoho CRM). */
    int maxBatchSize();

    /**
     * Writes the entries, answering one outcome per entry id. Duplicate: writing an entry again updates the
     * same record and answers {@link ColdOutcome.Synced} with the same record id. An entry missing from
     * the answer is treated as retryable.
     */
    Map<UUID, ColdOutcome> upsert(List<TimeEntry> entries);

    /** What became of one entry in an {@link #upsert}. */
    sealed interface ColdOutcome {

        /** Written; {@code recordId} is the cold system's id for it. */
        record Synced(String recordId) implements ColdOutcome {
        }

        /** Not written this time; worth trying again, no sooner than {@code retryAfter} when that is not null. */
        record Retryable(String error, Duration retryAfter) implements ColdOutcome {
        }

        /** Refused on its merits (bad data, unknown worker): retrying cannot help; the entry is blocked. */
        record Rejected(String code, String error) implements ColdOutcome {
        }
    }
}
