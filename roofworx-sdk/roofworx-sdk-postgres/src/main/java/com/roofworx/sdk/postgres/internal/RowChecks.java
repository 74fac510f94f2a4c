package com.roofworx.sdk.postgres.internal;

import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.TimeEntry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The table's limits, checked before a row is sent, so a row that breaks them is reported as rejected without
 * costing the batch a failed statement. Mirrors the CHECK constraints of {@code V1__entries.sql}; keep them in
 * step. The database still enforces them (and any constraint a deployer adds): see {@link BatchUpserter}.
 */
final class RowChecks {

    static final int MAX_OWNER = 320;
    static final int MAX_PROJECT_ID = 100;
    static final int MAX_NOTES = 4_000;
    static final int MAX_TASK_TYPE = 100;
    static final int MAX_COLD_RECORD_ID = 200;
    /** A cold error is a diagnostic, not a record: it is cut to this length rather than refused. */
    static final int MAX_ERROR = 2_000;

    // Dates and instants travel as ISO-8601 text, which PostgreSQL reads for years 1 to 9999.
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-02T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-30T00:00:00Z");

    private RowChecks() {
    }

    /** Why the table would refuse {@code entry}, in the SDK's "field rule but was value" form; null when it fits. */
    static String problem(TimeEntry entry) {
        try {
            text("owner", entry.owner(), 1, MAX_OWNER);
            text("projectId", entry.projectId(), 1, MAX_PROJECT_ID);
            text("notes", entry.notes(), 0, MAX_NOTES);
            text("taskType", entry.taskType(), 0, MAX_TASK_TYPE);
            coldRecordId(entry);
            if (entry.minutes() < 1 || entry.minutes() > 1440) {
                throw ValidationException.of("minutes", entry.minutes(), "must be between 1 and 1440");
            }
            if (entry.workDate().isBefore(FIRST_DAY) || entry.workDate().isAfter(LAST_DAY)) {
                throw ValidationException.of("workDate", entry.workDate(), "must be between 0001-01-01 and 9999-12-31");
            }
            instant("createdAt", entry.createdAt());
            instant("cold.nextAttemptAt", entry.cold().nextAttemptAt());
            return null;
        } catch (ValidationException e) {
            return e.getMessage();
        }
    }

    /** Refuses a cold record id the table cannot hold; {@code updateCold} cannot report rows one by one. */
    static void coldRecordId(TimeEntry entry) {
        text("coldRecordId", entry.coldRecordId(), 0, MAX_COLD_RECORD_ID);
    }

    /** The error text as stored: without NUL characters (PostgreSQL text cannot hold them), cut to length. */
    static String errorText(String error) {
        if (error == null) {
            return null;
        }
        String clean = error.replace('\u0000', ' ');
        return clean.length() <= MAX_ERROR ? clean : clean.substring(0, MAX_ERROR);
    }

    private static void text(String field, String value, int min, int max) {
        if (value == null) {
            return;
        }
        if (value.length() < min || value.codePointCount(0, value.length()) > max) {
            throw ValidationException.of(field, value, "must be " + min + " to " + max + " characters long");
        }
        if (value.indexOf('\u0000') >= 0) {
            throw ValidationException.of(field, value.replace('\u0000', '?'), "must not contain NUL characters");
        }
    }

    private static void instant(String field, Instant value) {
        if (value != null && (value.isBefore(FIRST_INSTANT) || value.isAfter(LAST_INSTANT))) {
            throw ValidationException.of(field, value, "must be within the years 0001 to 9999");
        }
    }
}
