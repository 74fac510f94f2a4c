package com.roofworx.sdk.testkit.scenario;

import com.roofworx.sdk.memory.InMemoryColdEntrySink;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default {@link ColdSide}: an {@link InMemoryColdEntrySink} that refuses the workers it was told are
 * unknown (code {@code UNKNOWN_WORKER}) and answers {@code RECORD_LOCKED} for records met while a
 * {@link #retryableNext} count lasts.
 */
public final class InMemoryColdSide implements ColdSide {
    private final InMemoryColdEntrySink sink = new InMemoryColdEntrySink();
    private final Set<String> unknown = ConcurrentHashMap.newKeySet();
    private final AtomicInteger locked = new AtomicInteger();

    /** A cold side refusing {@code unknownWorkers} until they are made known. */
    public InMemoryColdSide(String... unknownWorkers) {
        unknown.addAll(Set.of(unknownWorkers));
        sink.answerWith(this::answer);
    }

    private ColdOutcome answer(TimeEntry entry) {
        if (unknown.contains(entry.owner())) {
            return new ColdOutcome.Rejected("UNKNOWN_WORKER", "no CRM user " + entry.owner());
        }
        if (locked.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return new ColdOutcome.Retryable("RECORD_LOCKED", null);
        }
        return null;
    }

    @Override
    public ColdEntrySink sink() {
        return sink;
    }

    @Override
    public int recordCount() {
        return sink.recordCount();
    }

    @Override
    public int recordCount(UUID entryId) {
        // The in-memory sink keys its records by entry id: one at most.
        return sink.record(entryId).isPresent() ? 1 : 0;
    }

    @Override
    public boolean holds(UUID entryId, String owner, EntryDraft draft) {
        return sink.record(entryId).filter(e -> e.owner().equals(owner) && e.sameContentAs(draft)).isPresent();
    }

    @Override
    public boolean holdsVersion(UUID entryId, int version, boolean voided) {
        return sink.record(entryId).filter(e -> e.version() == version && e.voided() == voided).isPresent();
    }

    @Override
    public int olderOverNewer() {
        return sink.olderOverNewer();
    }

    @Override
    public void retryableNext(int records) {
        locked.set(records);
    }

    @Override
    public void makeKnown(String worker) {
        unknown.remove(worker);
    }
}
