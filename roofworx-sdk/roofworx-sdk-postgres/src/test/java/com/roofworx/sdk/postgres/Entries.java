package com.roofworx.sdk.postgres;

import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test entries: pending at the cold sink, warm SYNCED (as the warm store reads them back). */
final class Entries {

    static final Instant T0 = Instant.parse("2026-03-02T07:30:00.123456Z");

    private Entries() {
    }

    static TimeEntry entry(String owner, LocalDate workDate, Instant createdAt) {
        return new TimeEntry(UUID.randomUUID(), owner, "deal-4711", workDate, 90, "tear-off and underlayment",
                "roofing", createdAt, DestinationState.synced(), DestinationState.pending(createdAt), null);
    }

    static TimeEntry entry(String owner) {
        return entry(owner, LocalDate.of(2026, 3, 2), T0);
    }

    /** {@code n} entries of one owner, a second apart, on consecutive days. */
    static List<TimeEntry> batch(String owner, int n) {
        List<TimeEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(entry(owner, LocalDate.of(2026, 1, 1).plusDays(i % 365), T0.plusSeconds(i)));
        }
        return entries;
    }

    static TimeEntry withMinutes(TimeEntry e, int minutes) {
        return new TimeEntry(e.id(), e.owner(), e.projectId(), e.workDate(), minutes, e.notes(), e.taskType(),
                e.createdAt(), e.warm(), e.cold(), e.coldRecordId());
    }

    static TimeEntry withProject(TimeEntry e, String projectId) {
        return new TimeEntry(e.id(), e.owner(), projectId, e.workDate(), e.minutes(), e.notes(), e.taskType(),
                e.createdAt(), e.warm(), e.cold(), e.coldRecordId());
    }
}
