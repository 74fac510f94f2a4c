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

    public static EntryDraft of(String projectId, LocalDate workDate, int minutes) {
        return new EntryDraft(null, projectId, workDate, minutes, null, null);
    }

    public EntryDraft withId(UUID newId) {
        return new EntryDraft(newId, projectId, workDate, minutes, notes, taskType);
    }

    public EntryDraft withNotes(String newNotes) {
        return new EntryDraft(id, projectId, workDate, minutes, newNotes, taskType);
    }

    public EntryDraft withTaskType(String newTaskType) {
        return new EntryDraft(id, projectId, workDate, minutes, notes, newTaskType);
    }
}
