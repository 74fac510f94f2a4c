package com.roofworx.bench;

import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The same entry shape for every contender: 200 workers, one project, 35 characters of notes. */
final class Entries {
    static final int USERS = 200;
    static final String PROJECT = "1001";
    static final String NOTES = "Ridge cap and flashing, north side";

    private Entries() {
    }

    static String user(long n) {
        return "worker" + Math.floorMod(n, USERS) + "@example.com";
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static EntryDraft draft() {
        return EntryDraft.of(PROJECT, today(), 60).withNotes(NOTES);
    }

    /** A random id without SecureRandom's cost, which would otherwise be measured with the store. */
    static UUID id() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong());
    }

    static TimeEntry entry(long n) {
        return TimeEntry.accepted(id(), user(n), draft(), Instant.now());
    }
}
