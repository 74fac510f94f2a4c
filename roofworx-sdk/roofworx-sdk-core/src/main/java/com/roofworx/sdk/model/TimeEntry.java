package com.roofworx.sdk.model;

import com.roofworx.sdk.Checks;

import java.time.Instant;
import java.time.LocalDate;
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
 */
public record TimeEntry(UUID id, String owner, String projectId, LocalDate workDate, int minutes,
                        String notes, String taskType, Instant createdAt,
                        DestinationState warm, DestinationState cold, String coldRecordId) {

    public TimeEntry {
        Checks.notNull("id", id);
        Checks.notBlank("owner", owner);
        Checks.notBlank("projectId", projectId);
        Checks.notNull("workDate", workDate);
        Checks.notNull("createdAt", createdAt);
        Checks.notNull("warm", warm);
        Checks.notNull("cold", cold);
    }

    /** A newly accepted entry, pending at both destinations. */
    public static TimeEntry accepted(UUID id, String owner, EntryDraft draft, Instant now) {
        return new TimeEntry(id, owner, draft.projectId(), draft.workDate(), draft.minutes(), draft.notes(),
                draft.taskType(), now, DestinationState.pending(now), DestinationState.pending(now), null);
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
                coldRecordId)
                : new TimeEntry(id, owner, projectId, workDate, minutes, notes, taskType, createdAt, warm, state,
                coldRecordId);
    }

    /**
     * @param recordId the cold sink's id of the record holding this entry
     * @return a copy with that id, never null
     */
    public TimeEntry withColdRecordId(String recordId) {
        return new TimeEntry(id, owner, projectId, workDate, minutes, notes, taskType, createdAt, warm, cold,
                recordId);
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

    /** Same worker-supplied content as another stored copy of an entry. */
    public boolean sameContentAs(TimeEntry other) {
        return sameContentAs(new EntryDraft(other.id, other.projectId, other.workDate, other.minutes, other.notes,
                other.taskType));
    }

    /** Same worker-supplied content: what makes a repeated submit of one id a no-op rather than a conflict. */
    public boolean sameContentAs(EntryDraft draft) {
        return projectId.equals(draft.projectId()) && workDate.equals(draft.workDate())
                && minutes == draft.minutes() && Objects.equals(notes, draft.notes())
                && Objects.equals(taskType, draft.taskType());
    }
}
