package com.roofworx.sdk;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.model.TimeEntry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes entries behind to the warm store, then to the cold sink; retries what fails for as long as it takes
 * (pausing a destination that is down); parks only entries a destination refuses as blocked; never loses or
 * doubles one. Safe to run from several threads and several
 * instances at once: work is claimed under a lease.
 */
public interface SyncEngine {

    /** Drains everything due now (bounded by the configured batches per run), then sweeps the warm store. */
    SyncReport runOnce();

    /** Drains one user's due entries: the recovery that piggybacks on that user's submits. */
    SyncReport syncUser(String user);

    /**
     * The first page of blocked entries, at most {@code limit} (1 to 1,000): those the warm store refused,
     * oldest first, then those the cold sink refused, oldest first.
     */
    List<TimeEntry> blocked(int limit);

    /**
     * One page of the blocked entries {@code filter} matches, in the order of {@link #blocked(int)}.
     * {@code cursor} is null for the first page, else the previous page's {@link BlockedPage#nextCursor()}.
     * Every blocked entry is reachable, however many there are.
     *
     * @throws com.roofworx.sdk.ValidationException for a limit outside 1 to 1,000 or a cursor not from a page
     */
    BlockedPage blocked(BlockedFilter filter, String cursor, int limit);

    /** The blocked entry with this id, of any owner. Miss: empty when no blocked entry has it. */
    Optional<TimeEntry> blockedEntry(UUID entryId);

    /**
     * Puts a blocked entry back: its blocked destinations become pending with their attempts reset.
     * Returns false when no blocked entry has this id.
     */
    boolean replay(UUID entryId);

    /**
     * Puts back every blocked entry {@code filter} matches (for example all that Zoho refused with
     * {@code UNKNOWN_WORKER}, once the worker exists there); answers how many. Cold refusals are replayed in
     * one statement of the warm store, so 100,000 entries take seconds.
     */
    int replayAll(BlockedFilter filter);

    /** The destinations paused because they failed as a whole, as all instances see them. */
    Map<Destination, DestinationPause> pauses();

    /** Counts of queued and blocked work. */
    SyncStats stats();

    /**
     * A page of blocked entries.
     *
     * @param entries    this page's entries
     * @param nextCursor where the next page starts, or null when this was the last
     */
    record BlockedPage(List<TimeEntry> entries, String nextCursor) {
        public BlockedPage {
            entries = List.copyOf(entries);
        }
    }

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

        /**
         * @param o another run's report
         * @return the sums of both reports, never null
         */
        public SyncReport plus(SyncReport o) {
            return new SyncReport(claimed + o.claimed, warmSynced + o.warmSynced, coldSynced + o.coldSynced,
                    failed + o.failed, blocked + o.blocked, leaseLost + o.leaseLost);
        }
    }

    /**
     * @param queued         entries in the hot queue (waiting for their warm write)
     * @param warmBlocked    entries the warm store refused (on the hot store's blocked list)
     * @param coldBlocked    entries the cold sink refused (marked in the warm store); -1 when it could not be read
     * @param coldPending    entries waiting for the cold sink (the cold backlog); -1 when it could not be read
     * @param coldCallsToday cold calls made today (UTC) by all instances, counted against the daily budget;
     *                       -1 when it could not be read
     */
    record SyncStats(long queued, long warmBlocked, long coldBlocked, long coldPending, long coldCallsToday) {

        /** Every blocked entry that could be counted. */
        public long blocked() {
            return warmBlocked + Math.max(0, coldBlocked);
        }
    }
}
