package com.roofworx.sdk.redis.internal;

import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.EntryRevision;
import com.roofworx.sdk.model.SyncStatus;
import com.roofworx.sdk.model.TimeEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A time entry as one short string value. The owner and the id are not stored: both are in the key.
 * Layout (13 fields): projectId | workDate (epoch day, base 36) | minutes | notes | taskType | createdAt |
 * warm status+attempts | warm lastError | warm nextAttemptAt | cold status+attempts | cold lastError |
 * cold nextAttemptAt | coldRecordId. Next-attempt times are offsets from created-at. A typical entry with a
 * 19-digit project id and 40 characters of notes is about 100 bytes.
 * <p>
 * A corrected or voided entry has 4 more fields: version | voided (0/1) | updatedAt (offset from created-at) |
 * pending history (a nested value of revisions, each a nested value of 8 fields: version | projectId | workDate |
 * minutes | notes | taskType | voided | changedAt). An entry at version 1 is stored in the 13-field form, so
 * versions cost the (vast majority of) never-corrected entries nothing, and values stored before versions
 * existed read as version 1.
 */
public final class EntryCodec {
    private static final int FIELDS = 13;
    private static final int VERSIONED_FIELDS = 17;
    private static final int REVISION_FIELDS = 8;

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
        out.nullableText(entry.coldRecordId());
        if (isFirstVersion(entry)) {
            return out.toString();
        }
        FieldCodec.Writer history = new FieldCodec.Writer();
        entry.pendingHistory().forEach(r -> history.text(revision(entry.createdAt(), r)));
        return out.number(entry.version()).number(entry.voided() ? 1 : 0)
                .instantFrom(entry.createdAt(), entry.updatedAt())
                .nullableText(entry.pendingHistory().isEmpty() ? null : history.toString()).toString();
    }

    private static boolean isFirstVersion(TimeEntry entry) {
        return entry.version() == 1 && !entry.voided() && entry.updatedAt().equals(entry.createdAt())
                && entry.pendingHistory().isEmpty();
    }

    private static String revision(Instant createdAt, EntryRevision r) {
        return new FieldCodec.Writer().number(r.version()).text(r.projectId()).number(r.workDate().toEpochDay())
                .number(r.minutes()).nullableText(r.notes()).nullableText(r.taskType()).number(r.voided() ? 1 : 0)
                .instantFrom(createdAt, r.changedAt()).toString();
    }

    private static EntryRevision revision(Instant createdAt, String value) {
        FieldCodec.Reader in = new FieldCodec.Reader(value);
        if (in.size() != REVISION_FIELDS) {
            throw new IllegalStateException("stored revision has " + in.size() + " fields, expected "
                    + REVISION_FIELDS);
        }
        return new EntryRevision((int) in.number(), in.text(), LocalDate.ofEpochDay(in.number()), (int) in.number(),
                in.nullableText(), in.nullableText(), in.number() == 1, in.instantFrom(createdAt));
    }

    public static TimeEntry decode(String owner, UUID id, String value) {
        FieldCodec.Reader in = new FieldCodec.Reader(value);
        if (in.size() != FIELDS && in.size() != VERSIONED_FIELDS) {
            throw new IllegalStateException("stored entry " + id + " has " + in.size() + " fields, expected "
                    + FIELDS + " or " + VERSIONED_FIELDS);
        }
        String projectId = in.text();
        LocalDate workDate = LocalDate.ofEpochDay(in.number());
        int minutes = (int) in.number();
        String notes = in.nullableText();
        String taskType = in.nullableText();
        Instant createdAt = in.instant();
        DestinationState warm = state(in, createdAt);
        DestinationState cold = state(in, createdAt);
        String coldRecordId = in.nullableText();
        if (in.size() == FIELDS) {
            return new TimeEntry(id, owner, projectId, workDate, minutes, notes, taskType, createdAt, warm, cold,
                    coldRecordId);
        }
        int version = (int) in.number();
        boolean voided = in.number() == 1;
        Instant updatedAt = in.instantFrom(createdAt);
        String history = in.nullableText();
        List<EntryRevision> pending = new ArrayList<>();
        if (history != null) {
            FieldCodec.Reader revisions = new FieldCodec.Reader(history);
            for (int i = 0; i < revisions.size(); i++) {
                pending.add(revision(createdAt, revisions.text()));
            }
        }
        return new TimeEntry(id, owner, projectId, workDate, minutes, notes, taskType, createdAt, warm, cold,
                coldRecordId, version, voided, updatedAt, pending);
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
