package com.roofworx.sdk.model;

import com.roofworx.sdk.Checks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored time entry with its sync state towards the warm and the cold destination.
 *
 * @param id           unique id, chosen by the client or generated
 * @param owner        the worker's e-mail address (lower case), taken from the caller's identity
 * @param projectId    the project booked to
 * @param workDate     the day the work was done
 * @param minutes      1 to 1440
 * @param notes        may be null
 * @param taskType     may be null
 * @param createdAt    when the SDK first accepted it (the SDK's clock)
 * @param warm         sync state towards the warm store
 * @param cold         sync state towards the cold sink
 * @param coldRecordId the cold system's record id once known, else null
 * @param version      1 as submitted, one more for each correction or void; a tier never lets an older
 *                     version replace a newer one
 * @param voided       the worker withdrew the entry: kept everywhere, hidden from default lists
 * @param updatedAt    when this version was accepted ({@code createdAt} for version 1)
 * @param pendingHistory earlier versions the warm store may not have seen yet (the hot tier carries them so the
 *                     warm store's history misses none); empty once the warm store holds this version
 */
public record TimeEntry(UUID id, String owner, String projectId, LocalDate workDate, int minutes,
                        String notes, String taskType, Instant createdAt,
                        DestinationState warm, DestinationState cold, String coldRecordId,
                        int version, boolean voided, Instant updatedAt, List<EntryRevision> pendingHistory) {

    public TimeEntry {
        Checks.notNull("id", id);
        Checks.notBlank("owner", owner);
        Checks.notBlank("projectId", projectId);
        Checks.notNull("workDate", workDate);
        Checks.notNull("createdAt", createdAt);
        Checks.notNull("warm", warm);
        Checks.notNull("cold", cold);
        Checks.atLeast("version", version, 1);
        updatedAt = updatedAt == null ? createdAt : updatedAt;
        pendingHistory = pendingHistory == null ? List.of() : List.copyOf(pendingHistory);
    }

    /** An entry as submitted: version 1, not voided, no history. */
    public TimeEntry(UUID id, String owner, String projectId, LocalDate workDate, int minutes, String notes,
                     String taskType, Instant createdAt, DestinationState warm, DestinationState cold,
                     String coldRecordId) {
        this(id, owner, projectId, workDate, minutes, notes, taskType, createdAt, warm, cold, coldRecordId, 1, false,
                createdAt, List.of());
    }

    /** A newly accepted entry, pending at both destinations. */
    public static TimeEntry accepted(UUID id, String owner, EntryDraft draft, Instant now) {
        return new TimeEntry(id, owner, draft.projectId(), draft.workDate(), draft.minutes(), draft.notes(),
                draft.taskType(), now, DestinationState.pending(now), DestinationState.pending(now), null);
    }

    /**
     * The next version of this entry with {@code draft}'s content (or this content, voided, when {@code voided}),
     * pending at both destinations. The current version joins the pending history unless the warm store already
     * holds it.
     */
    public TimeEntry nextVersion(EntryDraft draft, boolean voided, Instant now) {
        List<EntryRevision> history = warm.isSynced() ? List.of() : revisionsToRecord();
        return new TimeEntry(id, owner, draft.projectId(), draft.workDate(), draft.minutes(), draft.notes(),
                draft.taskType(), createdAt, DestinationState.pending(now), DestinationState.pending(now),
                coldRecordId, version + 1, voided, now, history);
    }

    /** This version's content, as the warm store's history keeps it. */
    public EntryRevision revision() {
        return new EntryRevision(version, projectId, workDate, minutes, notes, taskType, voided, updatedAt);
    }

    /** This entry's worker-supplied content as a draft (with its id). */
    public EntryDraft content() {
        return new EntryDraft(id, projectId, workDate, minutes, notes, taskType);
    }

    /**
     * @param destination warm or cold
     * @return the entry's sync state there, never null
     */
    public DestinationState state(Destination destination) {
        return destination == Destination.WARM ? warm : cold;
    }

    /**
     * @param destination warm or cold
     * @param state       the new sync state there
     * @return a copy with that state, never null
     */
    public TimeEntry withState(Destination destination, DestinationState state) {
        return destination == Destination.WARM
                ? new TimeEntry(id, owner, projectId, workDate, minutes, notes, taskType, createdAt, state, cold,
                coldRecordId, version, voided, updatedAt, pendingHistory)
                : new TimeEntry(id, owner, projectId, workDate, minutes, notes, taskType, createdAt, warm, state,
                coldRecordId, version, voided, updatedAt, pendingHistory);
    }

    /**
     * @param recordId the cold sink's id of the record holding this entry
     * @return a copy with that id, never null
     */
    public TimeEntry withColdRecordId(String recordId) {
        return new TimeEntry(id, owner, projectId, workDate, minutes, notes, taskType, createdAt, warm, cold,
                recordId, version, voided, updatedAt, pendingHistory);
    }

    /** The same entry without pending history: what the warm store keeps once it holds this version. */
    public TimeEntry withoutPendingHistory() {
        return pendingHistory.isEmpty() ? this : new TimeEntry(id, owner, projectId, workDate, minutes, notes,
                taskType, createdAt, warm, cold, coldRecordId, version, voided, updatedAt, List.of());
    }

    /** Every version this copy knows of and the warm store's history should hold: the pending ones, then this. */
    public List<EntryRevision> revisionsToRecord() {
        List<EntryRevision> all = new ArrayList<>(pendingHistory);
        all.add(revision());
        return all;
    }

    /** Synced to both destinations: nothing left for the sync engine. */
    public boolean isFullySynced() {
        return warm.isSynced() && cold.isSynced();
    }

    /** Either destination is parked. */
    public boolean isBlocked() {
        return warm.isBlocked() || cold.isBlocked();
    }

    /**
     * When the hot queue has work for this entry: its warm write, while that is pending; null otherwise.
     * Cold work is not the hot queue's: once the warm store holds an entry, it tracks the entry's cold state
     * (see {@link com.roofworx.sdk.spi.WarmEntryStore#claimColdDue}), so a long cold outage never pins
     * entries in the hot tier.
     */
    public Instant nextDueAt() {
        return warm.isPending() ? warm.nextAttemptAt() : null;
    }

    /** Parked by the warm store's refusal: kept on the hot store's blocked list until replayed. */
    public boolean isWarmBlocked() {
        return warm.isBlocked();
    }

    /** Same worker-supplied content (and voided mark) as another stored copy of an entry. */
    public boolean sameContentAs(TimeEntry other) {
        return voided == other.voided && sameContentAs(other.content());
    }

    /** Same worker-supplied content: what makes a repeated submit of one id a no-op rather than a conflict. */
    public boolean sameContentAs(EntryDraft draft) {
        return projectId.equals(draft.projectId()) && workDate.equals(draft.workDate())
                && minutes == draft.minutes() && Objects.equals(notes, draft.notes())
                && Objects.equals(taskType, draft.taskType());
    }
}
