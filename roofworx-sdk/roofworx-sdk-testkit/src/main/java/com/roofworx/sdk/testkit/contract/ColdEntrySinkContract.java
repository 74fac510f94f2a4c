package com.roofworx.sdk.testkit.contract;

import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import com.roofworx.sdk.testkit.Entries;
import com.roofworx.sdk.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every {@link ColdEntrySink} must do: idempotent upserts keyed by entry id, one outcome per entry.
 * Extend it, answer a fresh sink, and let the kit read back how many records the cold system holds.
 */
public abstract class ColdEntrySinkContract {
    protected final TestClock clock = new TestClock();
    protected ColdEntrySink sink;

    /** A fresh sink over an empty cold system. */
    protected abstract ColdEntrySink newSink();

    /** How many records the cold system holds now. */
    protected abstract long storedRecordCount();

    /** A worker the cold system knows. */
    protected String knownOwner() {
        return "anna@example.com";
    }

    /** A project the cold system knows. */
    protected String knownProjectId() {
        return "1001";
    }

    /** An entry the sink must refuse on its merits, or empty when it refuses none (that test is then skipped). */
    protected Optional<TimeEntry> entryToReject() {
        return Optional.empty();
    }

    /**
     * An entry the sink will answer {@link ColdOutcome.Retryable} for on the next upsert (a record the cold
     * system holds locked, say; arrange that here), or empty when it cannot be provoked (that test is then
     * skipped).
     */
    protected Optional<TimeEntry> entryToRetry() {
        return Optional.empty();
    }

    @BeforeEach
    void createSink() {
        sink = newSink();
    }

    protected TimeEntry entry() {
        return Entries.pending(knownOwner(), knownProjectId(), clock.today(), clock.now());
    }

    @Nested
    @DisplayName("upsert")
    class Upsert {
        @Test
        @DisplayName("writes every entry and answers a record id for each")
        void writes() {
            List<TimeEntry> batch = List.of(entry(), entry(), entry());
            Map<UUID, ColdOutcome> outcomes = sink.upsert(batch);
            assertThat(outcomes).containsOnlyKeys(batch.stream().map(TimeEntry::id).toList());
            assertThat(outcomes.values()).allSatisfy(o -> assertThat(o).isInstanceOf(ColdOutcome.Synced.class));
            assertThat(outcomes.values().stream().map(o -> ((ColdOutcome.Synced) o).recordId()).distinct()).hasSize(3);
            assertThat(storedRecordCount()).isEqualTo(3);
        }

        @Test
        @DisplayName("writing the same entries again makes no second record and answers the same ids")
        void idempotent() {
            List<TimeEntry> batch = List.of(entry(), entry());
            Map<UUID, ColdOutcome> first = sink.upsert(batch);
            Map<UUID, ColdOutcome> second = sink.upsert(batch);
            assertThat(second).isEqualTo(first);
            assertThat(storedRecordCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("takes a full batch of maxBatchSize entries")
        void fullBatch() {
            assertThat(sink.maxBatchSize()).isPositive();
            List<TimeEntry> batch = new ArrayList<>();
            for (int i = 0; i < sink.maxBatchSize(); i++) {
                batch.add(entry());
            }
            assertThat(sink.upsert(batch)).hasSize(batch.size());
            assertThat(storedRecordCount()).isEqualTo(batch.size());
        }

        @Test
        @DisplayName("refuses a bad entry on its own, and still writes the rest of the batch")
        void rejectsOne() {
            Optional<TimeEntry> bad = entryToReject();
            // Skipped, not passed: a report should not claim a refusal was checked when none could be.
            assumeTrue(bad.isPresent(), "this sink names no entry to reject (entryToReject)");
            TimeEntry good = entry();
            Map<UUID, ColdOutcome> outcomes = sink.upsert(List.of(good, bad.get()));
            assertThat(outcomes.get(good.id())).isInstanceOf(ColdOutcome.Synced.class);
            assertThat(outcomes.get(bad.get().id())).isInstanceOfSatisfying(ColdOutcome.Rejected.class,
                    r -> assertThat(DestinationState.refusal(r.code(), r.error())).as("refusal code usable as a filter")
                            .startsWith(r.code() + ": "));
            assertThat(storedRecordCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("answers a momentary failure of one entry as retryable, and still writes the rest of the batch")
        void retriesOne() {
            Optional<TimeEntry> busy = entryToRetry();
            assumeTrue(busy.isPresent(), "this sink names no entry to answer retryable (entryToRetry)");
            TimeEntry good = entry();
            Map<UUID, ColdOutcome> outcomes = sink.upsert(List.of(good, busy.get()));
            assertThat(outcomes.get(good.id())).isInstanceOf(ColdOutcome.Synced.class);
            assertThat(outcomes.get(busy.get().id())).isInstanceOfSatisfying(ColdOutcome.Retryable.class,
                    r -> assertThat(r.error()).as("says why").isNotBlank());
            assertThat(storedRecordCount()).as("a retryable entry was not written").isEqualTo(1);
        }
    }
}
