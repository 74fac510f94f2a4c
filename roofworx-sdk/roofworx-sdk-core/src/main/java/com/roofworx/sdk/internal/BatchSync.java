package com.roofworx.sdk.internal;

import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import com.roofworx.sdk.spi.FailureKind;
import com.roofworx.sdk.spi.WarmEntryStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one batch to the warm store, then (without a cold linger) tries the entries it just wrote on the cold
 * sink at once, and works out each entry's new state. Stateless between batches.
 * <p>
 * Failure rules: a refusal of one record (warm: a rejected row; cold: {@link ColdOutcome.Rejected}) blocks that
 * entry. Anything else (a whole call failing, a per-record {@link ColdOutcome.Retryable}) is retried with
 * backoff for as long as it takes; a whole call failing also pauses the destination ({@link Pauses}).
 */
final class BatchSync {
    static final String INVALID_DATA = "INVALID_DATA";
    static final String ID_OWNED_BY_OTHER = "ID_OWNED_BY_OTHER";
    static final String CONTENT_CONFLICT = "CONTENT_CONFLICT";
    static final String VERSION_NOT_APPLIED = "VERSION_NOT_APPLIED";

    private final WarmEntryStore warm;
    private final ColdEntrySink cold;
    private final int coldBatchSize;
    private final Backoff backoff;
    private final Duration lease;
    private final Clock clock;
    private final Events events;
    private final Pauses pauses;
    private final Duration coldLinger;
    private final ColdBudget budget;

    BatchSync(WarmEntryStore warm, ColdEntrySink cold, Backoff backoff, Duration lease, Duration coldLinger,
              ColdBudget budget, Clock clock, Events events, Pauses pauses) {
        this.warm = warm;
        this.cold = cold;
        // Asked once: a sink's batch limit is a constant, and asking per batch would be one more call to fail.
        this.coldBatchSize = Math.max(1, cold.maxBatchSize());
        this.backoff = backoff;
        this.lease = lease;
        this.clock = clock;
        this.events = events;
        this.pauses = pauses;
        this.coldLinger = coldLinger;
        this.budget = budget;
    }

    int coldBatchSize() {
        return coldBatchSize;
    }

    /**
     * Syncs a batch claimed from the hot queue; answers every entry's new state, keyed and ordered as given.
     * {@code seen} is the pause state read before the batch: a paused cold sink is not called (its probe is
     * the cold sweep's), and a warm write that works ends a warm pause.
     */
    Map<UUID, TimeEntry> sync(List<TimeEntry> batch, Map<Destination, DestinationPause> seen, Tally tally) {
        Map<UUID, TimeEntry> states = new LinkedHashMap<>();
        batch.forEach(e -> states.put(e.id(), e));
        Set<UUID> inserted = new HashSet<>();
        if (!toWarm(states, batch.stream().filter(e -> e.warm().isPending()).toList(), seen, tally, inserted)) {
            return states;
        }
        // Only rows this batch inserted as first versions had their cold state leased to it. Anything else (a
        // newer version, a row already there) is the cold sweep's, which sends the row's current version once
        // any cold attempt still running on an older one has ended.
        List<TimeEntry> coldDue = states.values().stream()
                .filter(e -> inserted.contains(e.id()) && e.version() == 1 && e.cold().isPending()).toList();
        if (!coldDue.isEmpty() && !seen.containsKey(Destination.COLD) && coldLinger.isZero()) {
            recordColdInWarm(toCold(states, coldDue, seen, tally));
        }
        return states;
    }

    /** Cold only, for entries the warm store handed out (the cold sweep); records the outcome there. */
    void syncColdFromWarm(List<TimeEntry> batch, Map<Destination, DestinationPause> seen, Tally tally) {
        Map<UUID, TimeEntry> states = new LinkedHashMap<>();
        batch.forEach(e -> states.put(e.id(), e));
        recordColdInWarm(toCold(states, batch, seen, tally));
    }

    /** Answers false when the warm store failed as a whole (the batch then waits for it). */
    private boolean toWarm(Map<UUID, TimeEntry> states, List<TimeEntry> due, Map<Destination, DestinationPause> seen,
                           Tally tally, Set<UUID> inserted) {
        if (due.isEmpty()) {
            return true;
        }
        // Without a linger the cold state goes in leased to this batch: the cold sweep leaves the entry to the
        // immediate attempt below, and takes it over if this worker dies before recording an outcome. With a
        // linger the entry waits for the sweep to fill a batch; with the cold sink paused, for its next probe.
        DestinationPause coldPause = seen.get(Destination.COLD);
        Instant dueAt = coldPause != null ? coldPause.nextProbeAt()
                : clock.now().plus(coldLinger.isZero() ? lease : coldLinger);
        Instant changedDueAt = coldPause != null ? coldPause.nextProbeAt() : clock.now().plus(coldLinger);
        WarmEntryStore.UpsertResult result;
        try {
            result = warm.upsert(due.stream().map(e -> asWarmRow(e, e.version() == 1 ? dueAt : changedDueAt))
                    .toList());
        } catch (RuntimeException e) {
            events.storeFailed("warm", "upsert", e);
            DestinationPause pause = pauses.failed(Destination.WARM, e);
            due.forEach(entry -> states.put(entry.id(),
                    retry(entry, Destination.WARM, Failures.message(e), pause.nextProbeAt(), e, tally)));
            return false;
        }
        pauses.succeeded(seen, Destination.WARM);
        for (TimeEntry entry : due) {
            String rejected = result.rejected().get(entry.id());
            if (rejected != null) {
                states.put(entry.id(), block(entry, Destination.WARM, INVALID_DATA, rejected, tally));
            } else if (result.wrote(entry.id())) {
                if (result.inserted().contains(entry.id())) {
                    inserted.add(entry.id());
                }
                states.put(entry.id(), synced(entry, Destination.WARM, tally));
            } else {
                states.put(entry.id(), alreadyInWarm(entry, tally));
            }
        }
        return true;
    }

    private static TimeEntry asWarmRow(TimeEntry entry, Instant coldDueAt) {
        TimeEntry row = entry.withState(Destination.WARM, DestinationState.synced());
        return row.cold().isPending() ? row.withState(Destination.COLD, row.cold().waiting(coldDueAt)) : row;
    }

    /**
     * An id the store did not write is ours only if the warm store holds it for this owner: with this version and
     * content (a retried batch, or an entry first written to warm while the hot store was down and then submitted
     * again), or with a newer version (changed there while the hot store was down), which the hot copy then
     * takes over. Two different versions with the same number can only come from a change made in the warm store
     * while the hot store still held an unsynced one; the warm store's, accepted last, wins.
     */
    private TimeEntry alreadyInWarm(TimeEntry entry, Tally tally) {
        Optional<TimeEntry> held;
        try {
            held = warm.get(entry.owner(), entry.id());
        } catch (RuntimeException e) {
            events.storeFailed("warm", "get", e);
            return failed(entry, Destination.WARM, e, tally);
        }
        if (held.isEmpty()) {
            // The id exists in the warm store under another owner: a client reused an id.
            return block(entry, Destination.WARM, ID_OWNED_BY_OTHER,
                    "id " + entry.id() + " is already used by another owner", tally);
        }
        TimeEntry stored = held.get();
        boolean sameVersion = stored.version() == entry.version();
        if (stored.version() > entry.version() || (sameVersion && stored.version() > 1 && !stored.sameContentAs(entry))) {
            return synced(stored, Destination.WARM, tally);
        }
        if (!sameVersion) {
            return block(entry, Destination.WARM, VERSION_NOT_APPLIED, "the warm store kept version "
                    + stored.version() + " of entry " + entry.id() + " over the newer version " + entry.version(),
                    tally);
        }
        if (!stored.sameContentAs(entry)) {
            return block(entry, Destination.WARM, CONTENT_CONFLICT,
                    "id " + entry.id() + " is already stored with different content", tally);
        }
        TimeEntry synced = synced(entry, Destination.WARM, tally);
        // The warm copy's cold state is the one that counts from now on.
        return synced.withState(Destination.COLD, held.get().cold()).withColdRecordId(held.get().coldRecordId());
    }

    /**
     * Sends the entries in chunks the sink takes. When a chunk fails as a whole the sink is down: the cold
     * sink is paused and the remaining chunks are not sent; they wait for the next probe.
     */
    private List<TimeEntry> toCold(Map<UUID, TimeEntry> states, List<TimeEntry> due,
                                   Map<Destination, DestinationPause> seen, Tally tally) {
        List<TimeEntry> changed = new ArrayList<>();
        for (int i = 0; i < due.size(); i += coldBatchSize) {
            List<TimeEntry> chunk = due.subList(i, Math.min(due.size(), i + coldBatchSize));
            if (!budget.take()) {
                DestinationPause pause = pauses.pauseUntil(Destination.COLD, budget.renewsAt(),
                        "the daily call budget of " + budget.perDay() + " calls is used up");
                due.subList(i, due.size()).forEach(entry -> changed.add(put(states,
                        entry.withState(Destination.COLD, entry.cold().waiting(pause.nextProbeAt())))));
                return changed;
            }
            Map<UUID, ColdOutcome> outcomes;
            try {
                outcomes = cold.upsert(chunk);
            } catch (RuntimeException e) {
                events.storeFailed("cold", "upsert", e);
                DestinationPause pause = pauses.failed(Destination.COLD, e);
                chunk.forEach(entry -> changed.add(put(states, retry(entry, Destination.COLD, Failures.message(e),
                        pause.nextProbeAt(), e, tally))));
                due.subList(i + chunk.size(), due.size()).forEach(entry -> changed.add(put(states,
                        entry.withState(Destination.COLD, entry.cold().waiting(pause.nextProbeAt())))));
                return changed;
            }
            pauses.succeeded(seen, Destination.COLD);
            for (TimeEntry entry : chunk) {
                changed.add(put(states, applyCold(entry, outcomes.get(entry.id()), tally)));
            }
        }
        return changed;
    }

    private static TimeEntry put(Map<UUID, TimeEntry> states, TimeEntry entry) {
        states.put(entry.id(), entry);
        return entry;
    }

    private TimeEntry applyCold(TimeEntry entry, ColdOutcome outcome, Tally tally) {
        if (outcome instanceof ColdOutcome.Synced s) {
            return synced(entry.withColdRecordId(s.recordId()), Destination.COLD, tally);
        }
        if (outcome instanceof ColdOutcome.Rejected r) {
            return block(entry, Destination.COLD, r.code(), r.error(), tally);
        }
        if (outcome instanceof ColdOutcome.Retryable r) {
            return retry(entry, Destination.COLD, r.error(), backoffFor(entry, r.retryAfter()), null, tally);
        }
        return retry(entry, Destination.COLD, "the cold sink gave no outcome for this entry", backoffFor(entry, null),
                null, tally);
    }

    /**
     * Best effort: the warm store keeps the cold state, which the cold sweep works from. If this write fails
     * the entry's cold lease runs out and the sweep sends it again, which the idempotent upsert absorbs.
     */
    private void recordColdInWarm(List<TimeEntry> changed) {
        if (changed.isEmpty()) {
            return;
        }
        try {
            warm.updateCold(changed);
        } catch (RuntimeException e) {
            events.storeFailed("warm", "updateCold", e);
        }
    }

    private TimeEntry synced(TimeEntry entry, Destination destination, Tally tally) {
        TimeEntry next = entry.withState(destination, DestinationState.synced());
        if (destination == Destination.WARM) {
            next = next.withoutPendingHistory(); // the warm store's history has them now
        }
        if (destination == Destination.WARM) {
            tally.warmSynced++;
        } else {
            tally.coldSynced++;
        }
        events.publish(new RoofworxEvent.EntrySynced(next, destination,
                Duration.between(entry.createdAt(), clock.now())));
        return next;
    }

    private TimeEntry failed(TimeEntry entry, Destination destination, RuntimeException cause, Tally tally) {
        Instant retryAt = backoff.next(entry.state(destination).attempts() + 1, clock.now(),
                Failures.retryAfter(cause));
        return retry(entry, destination, Failures.message(cause), retryAt, cause, tally);
    }

    /** One record's own backoff (a record lock), as opposed to its destination's pause. */
    private Instant backoffFor(TimeEntry entry, Duration retryAfter) {
        return backoff.next(entry.cold().attempts() + 1, clock.now(), retryAfter);
    }

    /**
     * Never blocks: a failure that is not a refusal is tried again, however often it happens. After a whole
     * call failed, {@code retryAt} is the destination's next probe, so every waiting entry is due the moment
     * the probe shows the destination is back.
     */
    private TimeEntry retry(TimeEntry entry, Destination destination, String error, Instant retryAt,
                            RuntimeException cause, Tally tally) {
        DestinationState state = entry.state(destination);
        TimeEntry next = entry.withState(destination, state.failed(error, retryAt));
        tally.failed++;
        FailureKind kind = cause == null ? FailureKind.TRANSIENT : Failures.kindOf(cause);
        events.publish(new RoofworxEvent.SyncFailed(next, destination, state.attempts() + 1, error, retryAt, kind,
                cause));
        return next;
    }

    private TimeEntry block(TimeEntry entry, Destination destination, String code, String error, Tally tally) {
        String refusal = DestinationState.refusal(code, error);
        TimeEntry next = entry.withState(destination, entry.state(destination).blocked(refusal));
        tally.blocked++;
        events.publish(new RoofworxEvent.EntryBlocked(next, destination, next.state(destination).errorCode(), refusal));
        return next;
    }
}
