package com.roofworx.sdk.spi;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.model.TimeEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The hot tier: recent entries, each user's by-date index, and the sync work queue, written together.
 * <p>
 * <b>Queue.</b> An entry is queued while {@link TimeEntry#nextDueAt()} is not null (its warm write is pending),
 * due at that time. Its cold state is carried but not acted on: once the warm store holds the entry, the warm
 * store tracks its cold work.
 * {@link #claim} hands out due entries under a lease: until the lease ends, no other claim returns the
 * entry. A worker that dies simply lets its leases run out; its entries become claimable again.
 * {@link #complete} and {@link #release} check the lease: once it has run out (and perhaps been
 * re-claimed) they change nothing, so a late worker cannot overwrite newer state.
 * <p>
 * <b>Expiry.</b> An implementation may drop an entry a retention period (30 days by default) after its
 * work date, but only once its warm state is SYNCED: an entry the warm store does not hold never expires.
 * Its cold state does not matter (the warm store tracks it), so a long cold outage cannot pin the hot tier.
 * Entries the warm store refused ({@link TimeEntry#isWarmBlocked()}) are kept on a blocked list until replayed.
 * <p>
 * <b>Pauses.</b> The store also shares the engine's {@link DestinationPause}s between instances.
 * <p>
 * <b>Failure.</b> Every method throws an unchecked exception when the store cannot be reached, and then has
 * either done all of its work or none of it.
 */
public interface HotEntryStore {

    /**
     * In one atomic step: stores the entry, adds it to its owner's by-date index, and queues it.
     * Duplicate: when the owner already has an entry with this id, writes nothing and answers the stored one.
     */
    InsertResult insert(TimeEntry entry);

    /** The owner's entry with this id. Miss: empty for an unknown id and for another owner's id alike. */
    Optional<TimeEntry> get(String owner, UUID id);

    /**
     * A correction, as one atomic compare-and-set on the version: when the owner's stored entry has version
     * {@code expectedVersion}, stores {@code updated} over it (moving it in the by-date index when the work date
     * changed), voids any lease on it (so a worker still syncing the older version cannot complete it), takes it
     * off the blocked list and queues it at its {@link TimeEntry#nextDueAt()}. When the store does not hold the
     * entry (it expired, or the hot tier lost it) it is inserted as by {@link #insert}. Mismatch: when the stored
     * entry has another version, writes nothing and answers the stored entry with {@code replaced} false.
     */
    ReplaceResult replace(TimeEntry updated, int expectedVersion);

    /**
     * The owner's entries with {@code from <= workDate <= to}, by work date, then created-at.
     * Miss: an empty list. Entries that expired or were lost are simply absent.
     */
    List<TimeEntry> range(String owner, LocalDate from, LocalDate to);

    /**
     * Claims up to {@code max} queued entries of any owner that are due at {@code now}, leasing each until
     * {@code now + lease}. Miss: an empty list when nothing is due.
     */
    List<Claim> claim(Instant now, Duration lease, int max);

    /** As {@link #claim}, limited to one owner's entries (the piggyback recovery after that owner's submit). */
    List<Claim> claimFor(String owner, Instant now, Duration lease, int max);

    /**
     * Stores {@code updated} (same id and owner as the claim) and re-queues it at its
     * {@link TimeEntry#nextDueAt()}, or takes it off the queue when that is null; an entry the warm store
     * refused ({@link TimeEntry#isWarmBlocked()}) goes to the blocked list. Lease lost: returns false and writes
     * nothing.
     */
    boolean complete(Claim claim, TimeEntry updated);

    /**
     * {@link #complete} for a whole batch; answers the claims whose lease was lost (nothing was written for
     * them). Each completion is atomic on its own; on a failure some of the batch may be written, which is
     * safe because the rest simply stays claimed until its lease runs out. The default completes them one by
     * one; a store that can pipeline should override it, so a batch costs one round trip.
     */
    default List<Claim> completeAll(List<Completion> completions) {
        List<Claim> lost = new java.util.ArrayList<>();
        for (Completion c : completions) {
            if (!complete(c.claim(), c.updated())) {
                lost.add(c.claim());
            }
        }
        return lost;
    }

    /** Gives a claimed entry back unchanged, claimable again at once. Lease lost: does nothing. */
    void release(Claim claim);

    /**
     * Entries on the blocked list (refused by the warm store) that {@code filter} matches for
     * {@link Destination#WARM}, in created-at then id order, starting after {@code after} (null: from the
     * first), at most {@code limit}. Miss: an empty list.
     */
    List<TimeEntry> blocked(BlockedFilter filter, BlockedPosition after, int limit);

    /** The blocked entry with this id, of any owner. Miss: empty when no blocked entry has this id. */
    Optional<TimeEntry> blockedEntry(UUID id);

    /**
     * Stores {@code updated} over the owner's existing entry, takes it off the blocked list and queues it at
     * its {@link TimeEntry#nextDueAt()} (used to replay a blocked entry). Miss: returns false and writes
     * nothing when the store does not hold the entry.
     */
    boolean requeue(TimeEntry updated);

    /**
     * {@link #requeue} for many entries; answers how many were written. The default requeues them one by one;
     * a store that can pipeline should override it (bulk replay of many blocked entries).
     */
    default int requeueAll(List<TimeEntry> updated) {
        int written = 0;
        for (TimeEntry e : updated) {
            if (requeue(e)) {
                written++;
            }
        }
        return written;
    }

    /** How much work the queue holds. */
    QueueStats stats();

    /** The destinations currently paused, as every instance sees them. Miss: an empty map. */
    Map<Destination, DestinationPause> pauses();

    /** Records {@code pause} for its destination, replacing the one there was. */
    void pause(DestinationPause pause);

    /**
     * Takes the right to send the next probe to a paused destination, for every instance at once: when the
     * destination's pause is due ({@code nextProbeAt <= now}), moves its {@code nextProbeAt} to
     * {@code until} (the prober's lease) and answers true. Answers false when it is not due yet, or when the
     * destination is not paused (nothing to probe). Atomic: of concurrent callers, one wins.
     */
    boolean tryProbe(Destination destination, Instant now, Instant until);

    /** Ends the destination's pause. Miss: ending a pause that is not there does nothing. */
    void resume(Destination destination);

    /**
     * Adds {@code calls} to the count of calls made to {@code destination} on {@code day} (UTC) by all
     * instances, and answers the new total; {@code calls} 0 just reads it. Kept at least until the day is
     * over (the daily call budget).
     */
    long addCalls(Destination destination, LocalDate day, int calls);

    /** The outcome of {@link #insert}: the stored entry and whether this call created it. */
    record InsertResult(TimeEntry entry, boolean created) {
    }

    /**
     * The outcome of {@link #replace}.
     *
     * @param entry    the stored entry after the call: {@code updated}, or the one whose version did not match
     * @param replaced whether this call wrote {@code updated}
     */
    record ReplaceResult(TimeEntry entry, boolean replaced) {
    }

    /** A claim and the entry's new state, for {@link #completeAll}. */
    record Completion(Claim claim, TimeEntry updated) {
    }

    /** A leased queue item. The token identifies this claim; the store checks it on complete and release. */
    record Claim(TimeEntry entry, String token, Instant leaseUntil) {
    }

    /**
     * @param queued  entries still to sync (due now, later, or leased)
     * @param blocked entries parked on the blocked list (refused by the warm store)
     */
    record QueueStats(long queued, long blocked) {
    }
}
