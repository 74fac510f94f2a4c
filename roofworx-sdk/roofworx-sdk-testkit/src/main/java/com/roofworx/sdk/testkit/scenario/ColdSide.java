package com.roofworx.sdk.testkit.scenario;

import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.spi.ColdEntrySink;

import java.util.UUID;

/**
 * The cold destination of a {@link SyncInvariantScenario} schedule: the sink the engine writes to, and what
 * the scenario needs to steer and inspect the destination behind it. One per schedule, starting empty; it
 * must refuse every entry of {@link SyncInvariantScenario#UNKNOWN_WORKER} with code {@code UNKNOWN_WORKER}
 * until {@link #makeKnown} names that worker, and accept the entries of the other
 * {@link SyncInvariantScenario#WORKERS} on the {@link SyncInvariantScenario#PROJECTS}.
 * <p>
 * {@link InMemoryColdSide} is the default; an adapter's tests implement it over the real service (or a
 * simulator of it) to run the scenario through the real sink.
 */
public interface ColdSide extends AutoCloseable {

    /** The sink the engine writes to (the scenario wraps it to inject whole-call failures). */
    ColdEntrySink sink();

    /** Records the destination holds in total. */
    int recordCount();

    /** Records the destination holds for entry {@code entryId} (0, 1, or more when a write was doubled). */
    int recordCount(UUID entryId);

    /** Whether the destination holds entry {@code entryId} of {@code owner} with the content of {@code draft}. */
    boolean holds(UUID entryId, String owner, EntryDraft draft);

    /** Whether the destination's record of entry {@code entryId} is at {@code version}, voided or not. */
    boolean holdsVersion(UUID entryId, int version, boolean voided);

    /**
     * How many writes replaced a record with an older version of its entry than the one it held (the engine must
     * never cause one).
     */
    int olderOverNewer();

    /**
     * The next {@code records} records written (counted record by record, across calls) are answered with a
     * per-record retryable error, such as a record lock, and not written; replaces any count still pending.
     */
    void retryableNext(int records);

    /** From now on the destination knows {@code worker}: its entries are no longer refused. */
    void makeKnown(String worker);

    /** Called once when the schedule ends, whatever its outcome. */
    @Override
    default void close() {
    }
}
