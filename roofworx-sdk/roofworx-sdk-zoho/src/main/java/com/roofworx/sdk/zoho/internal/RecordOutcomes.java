package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import jakarta.json.JsonObject;

import java.util.Set;

/**
 * One upsert result ({@code data[i]}) to a {@link ColdOutcome}: {@code SUCCESS} is synced with
 * {@code details.id}; codes that describe Zoho's momentary state (a locked record, a limit, an internal
 * error) are retryable; every other code describes the record itself (invalid data, a missing mandatory
 * field, a duplicate) and is rejected with Zoho's code and message.
 */
public final class RecordOutcomes {
    /**
     * DUPLICATE_DATA is here because two upserts of one external id racing each other (a sweep and a queue
     * worker) can produce it; a true duplicate keeps failing and is blocked after the configured attempts.
     */
    static final Set<String> RETRYABLE = Set.of("RECORD_LOCKED", "LIMIT_EXCEEDED", "TOO_MANY_REQUESTS",
            "INTERNAL_ERROR", "SERVICE_UNAVAILABLE", "REQUEST_TIMEOUT", "RECORD_IN_PROCESS", "API_LIMIT_EXCEEDED",
            "DUPLICATE_DATA");

    private RecordOutcomes() {
    }

    public static ColdOutcome of(JsonObject result) {
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
        String message = JsonReads.text(result, "message", "") + describe(JsonReads.object(result, "details"));
        if (RETRYABLE.contains(code)) {
            return new ColdOutcome.Retryable(code + ": " + message, null);
        }
        return new ColdOutcome.Rejected(code, message);
    }

    private static String describe(JsonObject details) {
        return details == null || details.isEmpty() ? "" : " " + details;
    }
}
