package com.roofworx.sdk;

import com.roofworx.sdk.model.TimeEntry;

import java.util.List;
import java.util.UUID;

/**
 * Writes entries behind to the warm store, then to the cold sink; retries with backoff; parks entries that
 * keep failing as blocked; never loses or doubles one. Safe to run from several threads and several
 * instances at once: work is claimed under a lease.
 */
public interface SyncEngine {

    /** Drains everything due now (bounded by the configured batches per run), then sweeps the warm store. */
    SyncReport runOnce();

    /** Drains one user's due entries: the recovery that piggybacks on that user's submits. */
    SyncReport syncUser(String user);

    /** Blocked entries (hot and warm), oldest first, at most {@code limit}. */
    List<TimeEntry> blocked(int limit);

    /**
     * Puts a blocked entry back: its blocked destinations become pending with their attempts reset.
     * Returns false when no blocked entry has this id.
     */
    boolean replay(UUID entryId);

    /** Counts of queued and blocked work in the hot store. */
    SyncStats stats();

    /**
     * @param claimed       entries claimed from the hot queue
     * @param warmSynced    entries newly written to the warm store
     * @param coldSynced    entries newly written to the cold sink
     * @param failed        failed attempts (to be retried)
     * @param blocked       entries parked by this run
     * @param leaseLost     results discarded because another worker took over the lease
     */
    record SyncReport(int claimed, int warmSynced, int coldSynced, int failed, int blocked, int leaseLost) {
        public static final SyncReport EMPTY = new SyncReport(0, 0, 0, 0, 0, 0);

        public SyncReport plus(SyncReport o) {
            return new SyncReport(claimed + o.claimed, warmSynced + o.warmSynced, coldSynced + o.coldSynced,
                    failed + o.failed, blocked + o.blocked, leaseLost + o.leaseLost);
        }
    }

    /** @param queued entries still to sync; @param blocked entries parked in the hot store */
    record SyncStats(long queued, long blocked) {
    }
}
