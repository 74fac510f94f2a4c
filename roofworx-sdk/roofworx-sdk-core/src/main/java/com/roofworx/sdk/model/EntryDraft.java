package com.roofworx.sdk.model;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a worker submits. The owner is never part of it: it comes from the caller's identity.
 * Field checks beyond presence (ranges, lengths, dates) happen in the SDK, with the configured limits.
 *
 * @param id        the client's idempotency key; null lets the SDK generate one
 * @param projectId the project to book to
 * @param workDate  the day the work was done
 * @param minutes   minutes worked
 * @param notes     free text; may be null
 * @param taskType  a short category; may be null
 */
public record EntryDraft(UUID id, String projectId, LocalDate workDate, int minutes, String notes,
                         String taskType) {

    /**
     * A draft without id, notes or task type.
     *
     * @param projectId the project booked to
     * @param workDate  the day worked
     * @param minutes   the minutes worked
     * @return the draft, never null
     */
    public static EntryDraft of(String projectId, LocalDate workDate, int minutes) {
        return new EntryDraft(null, projectId, workDate, minutes, null, null);
    }

    /**
     * @param newId the client's id for the entry, so a resend is recognised; null lets the SDK make one
     * @return a copy with that id, never null
     */
    public EntryDraft withId(UUID newId) {
        return new EntryDraft(newId, projectId, workDate, minutes, notes, taskType);
    }

    /**
     * @param newNotes free text; may be null
     * @return a copy with those notes, never null
     */
    public EntryDraft withNotes(String newNotes) {
        return new EntryDraft(id, projectId, workDate, minutes, newNotes, taskType);
    }

    /**
     * @param newTaskType a short category; may be null
     * @return a copy with that task type, never null
     */
    public EntryDraft withTaskType(String newTaskType) {
        return new EntryDraft(id, projectId, workDate, minutes, notes, newTaskType);
    }
}
