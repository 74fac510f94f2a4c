package com.roofworx.sdk.memory;

import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A cold sink in memory that upserts by entry id like the Zoho adapter does by its external-id field.
 * Thread-safe. Counts calls, and can refuse entries by a rule, to play a sink with per-record failures.
 */
public final class InMemoryColdEntrySink implements ColdEntrySink {
    public static final int DEFAULT_MAX_BATCH = 100;

    private final Map<UUID, Stored> records = new LinkedHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger olderOverNewer = new AtomicInteger();
    private final int maxBatchSize;
    private Function<TimeEntry, ColdOutcome> rule = e -> null;

    public InMemoryColdEntrySink() {
        this(DEFAULT_MAX_BATCH);
    }

    public InMemoryColdEntrySink(int maxBatchSize) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be >= 1 but was " + maxBatchSize);
        }
        this.maxBatchSize = maxBatchSize;
    }

    /** For entries where {@code outcome} answers non-null, answers that instead of writing. */
    public synchronized InMemoryColdEntrySink answerWith(Function<TimeEntry, ColdOutcome> outcome) {
        rule = outcome;
        return this;
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    @Override
    public synchronized Map<UUID, ColdOutcome> upsert(List<TimeEntry> entries) {
        if (entries.size() > maxBatchSize) {
            throw new IllegalArgumentException("entries must be at most " + maxBatchSize + " but was " + entries.size());
        }
        calls.incrementAndGet();
        Map<UUID, ColdOutcome> outcomes = new HashMap<>();
        for (TimeEntry e : entries) {
            ColdOutcome forced = rule.apply(e);
            if (forced != null) {
                outcomes.put(e.id(), forced);
                continue;
            }
            Stored previous = records.get(e.id());
            if (previous != null && previous.entry.version() > e.version()) {
                olderOverNewer.incrementAndGet();
            }
            String recordId = previous != null ? previous.recordId : "cold-" + (records.size() + 1);
            records.put(e.id(), new Stored(recordId, e, previous == null ? 1 : previous.writes + 1));
            outcomes.put(e.id(), new ColdOutcome.Synced(recordId));
        }
        return outcomes;
    }

    /** The stored copy of an entry. */
    public synchronized Optional<TimeEntry> record(UUID id) {
        return Optional.ofNullable(records.get(id)).map(Stored::entry);
    }

    /** Number of distinct records: an upsert of a known id never adds one. */
    public synchronized int recordCount() {
        return records.size();
    }

    /**
     * How many writes replaced a record with an older version of its entry than the one it held: a sink keyed by
     * entry id cannot tell versions apart, so the engine must never send an older one after a newer one.
     */
    public int olderOverNewer() {
        return olderOverNewer.get();
    }

    /** How many upsert calls were made. */
    public int calls() {
        return calls.get();
    }

    private record Stored(String recordId, TimeEntry entry, int writes) {
    }
}
