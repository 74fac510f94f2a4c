package com.roofworx.sdk.spi;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.EntryRevision;
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
     * state due after its own lease, so the cold sweep does not race the immediate cold attempt).
     * <p>
     * <b>Versions.</b> An entry the store holds for the same owner with an <em>older</em> {@link TimeEntry#version()}
     * is replaced by the given one: content, version, voided mark and updated-at; its cold record id is kept and
     * its cold state becomes pending again (so the cold sink receives the newer version), due at the given time
     * but never earlier than a cold attempt still leased on the row, so two versions are never in flight to the
     * cold sink at once. An entry held with the same or a newer version, or under another owner, is left as it is:
     * retrying a batch, overlapping batches, or a late batch carrying an older version changes nothing.
     * <p>
     * <b>History.</b> For every given entry that the store holds for its owner after the call, each version in
     * {@link TimeEntry#revisionsToRecord()} is added to the entry's history unless the history already has that
     * version: a version is recorded once, however often it is delivered.
     * <p>
     * A row the store refuses on its own merits (a constraint) is reported in {@link UpsertResult#rejected()}
     * while the other rows land.
     */
    UpsertResult upsert(List<TimeEntry> entries);

    /**
     * Every recorded version of the owner's entry with this id, oldest first. Miss: an empty list for an unknown
     * id and for another owner's id alike.
     */
    List<EntryRevision> history(String owner, UUID id);

    /** The owner's entry with this id. Miss: empty for an unknown id and for another owner's id alike. */
    Optional<TimeEntry> get(String owner, UUID id);

    /** The owner's entries with {@code from <= workDate <= to}, by work date, then created-at. */
    List<TimeEntry> range(String owner, LocalDate from, LocalDate to);

    /**
     * Records the cold state and cold record id of each given entry, matched by id <em>and version</em>: an
     * outcome for an older version than the store holds is ignored (that version was superseded while it was
     * being sent, and the newer one is pending). A SYNCED cold state is never replaced by an unsynced one: a late
     * worker's stale failure must not undo another's success. Miss: ids the store does not hold are ignored.
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
     * @param inserted ids this call inserted (new to the store)
     * @param updated  ids this call replaced with a newer version
     * @param rejected ids the store refused, with the reason; these were not written
     */
    record UpsertResult(Set<UUID> inserted, Set<UUID> updated, Map<UUID, String> rejected) {
        public UpsertResult {
            inserted = Set.copyOf(inserted);
            updated = Set.copyOf(updated);
            rejected = Map.copyOf(rejected);
        }

        /** No newer versions: only inserts and rejections. */
        public UpsertResult(Set<UUID> inserted, Map<UUID, String> rejected) {
            this(inserted, Set.of(), rejected);
        }

        /** Whether this call wrote the entry with this id (inserted it or replaced an older version). */
        public boolean wrote(UUID id) {
            return inserted.contains(id) || updated.contains(id);
        }
    }
}
