package com.roofworx.sdk.testkit;

import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Ready-made entries for tests. */
public final class Entries {
    private Entries() {
    }

    /** A fresh entry of {@code owner}, pending at both destinations, created at {@code now}. */
    public static TimeEntry pending(String owner, String projectId, LocalDate workDate, Instant now) {
        return TimeEntry.accepted(UUID.randomUUID(), owner,
                new EntryDraft(null, projectId, workDate, 60, "Replaced flashing on the north ridge", "Repair"), now);
    }

    /** As {@link #pending}, with a given number of minutes. */
    public static TimeEntry pending(String owner, String projectId, LocalDate workDate, int minutes, Instant now) {
        return TimeEntry.accepted(UUID.randomUUID(), owner,
                new EntryDraft(null, projectId, workDate, minutes, null, null), now);
    }
}
