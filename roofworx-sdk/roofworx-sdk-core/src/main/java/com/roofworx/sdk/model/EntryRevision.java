package com.roofworx.sdk.model;

import com.roofworx.sdk.Checks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of an entry's worker-supplied content, as the warm store's history keeps it for compliance.
 * Versions count from 1 (the submit); each correction or void adds one.
 *
 * @param version   1 for the submitted content, then one more per change
 * @param projectId the project booked to
 * @param workDate  the day the work was done
 * @param minutes   minutes worked
 * @param notes     may be null
 * @param taskType  may be null
 * @param voided    true when this version voided the entry
 * @param changedAt when the SDK accepted this version (the submit time for version 1)
 */
public record EntryRevision(int version, String projectId, LocalDate workDate, int minutes, String notes,
                            String taskType, boolean voided, Instant changedAt) {

    public EntryRevision {
        Checks.atLeast("version", version, 1);
        Checks.notBlank("projectId", projectId);
        Checks.notNull("workDate", workDate);
        Checks.notNull("changedAt", changedAt);
    }
}
