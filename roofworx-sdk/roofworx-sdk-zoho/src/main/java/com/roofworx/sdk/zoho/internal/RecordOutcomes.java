package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import jakarta.json.JsonObject;

import java.util.Locale;
import java.util.Set;

/**
 * One upsert result ({@code data[i]}) to a {@link ColdOutcome}: {@code SUCCESS} is synced with
 * {@code details.id}; codes that describe Zoho's momentary state (a locked record, a limit, an internal
 * error) are retryable; every other code describes the record itself (invalid data, a missing mandatory
 * field) and is rejected with Zoho's code and message, which blocks the entry. A retryable outcome is
 * retried with backoff for as long as it lasts, so only codes that pass by themselves belong in
 * {@link #RETRYABLE}.
 */
public final class RecordOutcomes {
    static final Set<String> RETRYABLE = Set.of("RECORD_LOCKED", "LIMIT_EXCEEDED", "TOO_MANY_REQUESTS",
            "INTERNAL_ERROR", "SERVICE_UNAVAILABLE", "REQUEST_TIMEOUT", "RECORD_IN_PROCESS", "API_LIMIT_EXCEEDED");
    static final String DUPLICATE = "DUPLICATE_DATA";
    /** What a blocked entry's code may hold (see DestinationState): anything else is mapped onto it. */
    private static final int MAX_CODE = 64;

    private RecordOutcomes() {
    }

    /** Reads {@code result} for a record upserted with {@code externalIdField} as the duplicate check. */
    public static ColdOutcome of(JsonObject result, String externalIdField) {
        String code = JsonReads.text(result, "code", null);
        if (code == null) {
            return new ColdOutcome.Retryable("Zoho answered this record without a code: " + result, null);
        }
        if (code.equals("SUCCESS")) {
            String id = JsonReads.text(JsonReads.object(result, "details"), "id", null);
            return id == null
                    ? new ColdOutcome.Retryable("Zoho answered SUCCESS without a record id", null)
                    : new ColdOutcome.Synced(id);
        }
        JsonObject details = JsonReads.object(result, "details");
        String message = JsonReads.text(result, "message", "") + describe(details);
        if (RETRYABLE.contains(code) || racedOnTheKey(code, details, externalIdField)) {
            return new ColdOutcome.Retryable(code + ": " + message, null);
        }
        return new ColdOutcome.Rejected(filterable(code), message);
    }

    /**
     * Two upserts of one entry racing each other (a sweep and a queue worker) can make Zoho answer
     * DUPLICATE_DATA on the key itself; the next attempt finds the record and updates it. A duplicate on
     * any other unique field of the deployer's layout never passes by itself, so it is a refusal.
     */
    private static boolean racedOnTheKey(String code, JsonObject details, String externalIdField) {
        if (!code.equals(DUPLICATE)) {
            return false;
        }
        String field = JsonReads.text(details, "api_name", null);
        return field == null || field.equals(externalIdField);
    }

    /** Zoho's codes are already upper snake case; anything else is made so, to stay usable as a filter. */
    static String filterable(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]+", "_");
        upper = upper.isEmpty() ? "REFUSED" : upper;
        return upper.length() > MAX_CODE ? upper.substring(0, MAX_CODE) : upper;
    }

    private static String describe(JsonObject details) {
        return details == null || details.isEmpty() ? "" : " " + details;
    }
}
