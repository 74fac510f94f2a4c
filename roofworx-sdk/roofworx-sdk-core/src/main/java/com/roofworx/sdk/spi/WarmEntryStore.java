package com.roofworx.sdk.spi;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.TimeEntry;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The warm tier: every entry, forever; the permanent record. It also keeps each entry's cold (compliance
 * copy) sync state, so that "what is not yet in the cold sink" can be answered when the hot tier lost data.
 * Entries read back from it are warm SYNCED by definition.
 * <p>
 * Failure: every method throws an unchecked exception when the store cannot be reached, having written
 * nothing of that call (one transaction per call).
 */
public interface WarmEntryStore {

    /**
     * Inserts the entries whose ids are new, with their cold state as given (the engine gives a pending cold
     * state due after its own lease, so the cold sweep does not race the immediate cold attempt). Duplicate: an id the store
     * already holds is left as it is, so retrying a batch (or overlapping batches) changes nothing.
     * A row the store refuses on its own merits (a constraint) is reported in
     * {@link UpsertResult#rejected()} while the other rows land.
     */
    UpsertResult upsert(List<TimeEntry> entries);

    /** The owner's entry with this id. Miss: empty for an unknown id and for another owner's id alike. */
    Optional<TimeEntry> get(String owner, UUID id);

    /** The owner's entries with {@code from <= workDate <= to}, by work date, then created-at. */
    List<TimeEntry> range(String owner, LocalDate from, LocalDate to);

    /**
     * Records the cold state and cold record id of each given entry (matched by id). A SYNCED cold state is
     * never replaced by an unsynced one: a late worker's stale failure must not undo another's success.
     * Miss: ids the store does not hold are ignored.
     */
    void updateCold(List<TimeEntry> entries);

    /**
     * Up to {@code limit} entries whose cold state is PENDING and due at {@code now}, oldest first; each is
     * leased by moving its cold next-attempt time to {@code now + lease}, so concurrent callers get
     * different entries. Miss: an empty list.
     */
    List<TimeEntry> claimColdDue(Instant now, Duration lease, int limit);

    /**
     * Entries whose cold state is BLOCKED and that {@code filter} matches for {@link Destination#COLD}, in
     * created-at then id order, starting after {@code after} (null: from the first), at most {@code limit}.
     * Miss: an empty list.
     */
    List<TimeEntry> coldBlocked(BlockedFilter filter, BlockedPosition after, int limit);

    /** How many entries have a BLOCKED cold state. */
    long coldBlockedCount();

    /** How many entries have a PENDING cold state (the cold backlog, due or not). */
    long coldPendingCount();

    /** The entry with this id if its cold state is BLOCKED, of any owner. Miss: empty otherwise. */
    Optional<TimeEntry> coldBlockedEntry(UUID id);

    /**
     * Makes every entry whose cold state is BLOCKED and that {@code filter} matches pending again: attempts
     * reset, due at {@code now}, last error kept. One transaction; answers how many entries it changed.
     */
    int replayColdBlocked(BlockedFilter filter, Instant now);

    /**
     * Who owns the entry with this id, whatever the owner: lets a submit refuse an id another worker already
     * used. Miss: empty for an unknown id.
     */
    Optional<String> ownerOf(UUID id);

    /**
     * @param inserted ids this call inserted (the rest of the batch already existed or was rejected)
     * @param rejected ids the store refused, with the reason; these were not written
     */
    record UpsertResult(Set<UUID> inserted, Map<UUID, String> rejected) {
        public UpsertResult {
            inserted = Set.copyOf(inserted);
            rejected = Map.copyOf(rejected);
        }
    }
}
