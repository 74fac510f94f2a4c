package com.roofworx.sdk.redis.internal;

import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.SyncStatus;
import com.roofworx.sdk.model.TimeEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A time entry as one short string value. The owner and the id are not stored: both are in the key.
 * Layout (13 fields): projectId | workDate (epoch day, base 36) | minutes | notes | taskType | createdAt |
 * warm status+attempts | warm lastError | warm nextAttemptAt | cold status+attempts | cold lastError |
 * cold nextAttemptAt | coldRecordId. Next-attempt times are offsets from created-at. A typical entry with a
 * 19-digit project id and 40 characters of notes is about 100 bytes.
 */
public final class EntryCodec {
    private static final int FIELDS = 13;

    private EntryCodec() {
    }

    public static String encode(TimeEntry entry) {
        FieldCodec.Writer out = new FieldCodec.Writer()
                .text(entry.projectId())
                .number(entry.workDate().toEpochDay())
                .number(entry.minutes())
                .nullableText(entry.notes())
                .nullableText(entry.taskType())
                .instant(entry.createdAt());
        state(out, entry.createdAt(), entry.warm());
        state(out, entry.createdAt(), entry.cold());
        return out.nullableText(entry.coldRecordId()).toString();
    }

    public static TimeEntry decode(String owner, UUID id, String value) {
        FieldCodec.Reader in = new FieldCodec.Reader(value);
        if (in.size() != FIELDS) {
            throw new IllegalStateException("stored entry " + id + " has " + in.size() + " fields, expected " + FIELDS);
        }
        String projectId = in.text();
        LocalDate workDate = LocalDate.ofEpochDay(in.number());
        int minutes = (int) in.number();
        String notes = in.nullableText();
        String taskType = in.nullableText();
        Instant createdAt = in.instant();
        DestinationState warm = state(in, createdAt);
        DestinationState cold = state(in, createdAt);
        return new TimeEntry(id, owner, projectId, workDate, minutes, notes, taskType, createdAt, warm, cold,
                in.nullableText());
    }

    /** Next-attempt times are stored relative to created-at: a fresh entry's are equal to it ("0"). */
    private static void state(FieldCodec.Writer out, Instant createdAt, DestinationState state) {
        out.text(code(state.status()) + Integer.toString(state.attempts(), Character.MAX_RADIX))
                .nullableText(state.lastError())
                .instantFrom(createdAt, state.nextAttemptAt());
    }

    private static DestinationState state(FieldCodec.Reader in, Instant createdAt) {
        String statusAndAttempts = in.text();
        SyncStatus status = status(statusAndAttempts.charAt(0));
        int attempts = Integer.parseInt(statusAndAttempts.substring(1), Character.MAX_RADIX);
        return new DestinationState(status, attempts, in.nullableText(), in.instantFrom(createdAt));
    }

    private static char code(SyncStatus status) {
        return switch (status) {
            case PENDING -> 'P';
            case SYNCED -> 'S';
            case BLOCKED -> 'B';
        };
    }

    private static SyncStatus status(char code) {
        return switch (code) {
            case 'P' -> SyncStatus.PENDING;
            case 'S' -> SyncStatus.SYNCED;
            case 'B' -> SyncStatus.BLOCKED;
            default -> throw new IllegalStateException("unknown stored sync status '" + code + "'");
        };
    }
}
