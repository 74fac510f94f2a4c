package com.roofworx.sdk.internal;

import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import com.roofworx.sdk.spi.RetryHint;
import com.roofworx.sdk.spi.WarmEntryStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes one batch to the warm store, then the entries that are in the warm store and due for cold to the
 * cold sink, and works out each entry's new state. Stateless between batches.
 */
final class BatchSync {
    private final WarmEntryStore warm;
    private final ColdEntrySink cold;
    private final int coldBatchSize;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Clock clock;
    private final Events events;

    BatchSync(WarmEntryStore warm, ColdEntrySink cold, Backoff backoff, int maxAttempts, Clock clock, Events events) {
        this.warm = warm;
        this.cold = cold;
        // Asked once: a sink's batch limit is a constant, and asking per batch would be one more call to fail.
        this.coldBatchSize = Math.max(1, cold.maxBatchSize());
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        this.events = events;
    }

    /** Syncs the batch; answers every entry's new state, keyed and ordered as given. */
    Map<UUID, TimeEntry> sync(List<TimeEntry> batch, Tally tally) {
        Map<UUID, TimeEntry> states = new LinkedHashMap<>();
        batch.forEach(e -> states.put(e.id(), e));
        Instant now = clock.now();
        toWarm(states, batch.stream().filter(e -> e.warm().isDue(now)).toList(), tally);
        List<TimeEntry> coldDue = states.values().stream()
                .filter(e -> e.warm().isSynced() && e.cold().isDue(now)).toList();
        List<TimeEntry> coldChanged = toCold(states, coldDue, tally);
        recordColdInWarm(coldChanged);
        return states;
    }

    /** Cold only, for entries already in the warm store (the warm sweep); records the outcome there. */
    Map<UUID, TimeEntry> syncColdFromWarm(List<TimeEntry> batch, Tally tally) {
        Map<UUID, TimeEntry> states = new LinkedHashMap<>();
        batch.forEach(e -> states.put(e.id(), e));
        recordColdInWarm(toCold(states, batch, tally));
        return states;
    }

    private void toWarm(Map<UUID, TimeEntry> states, List<TimeEntry> due, Tally tally) {
        if (due.isEmpty()) {
            return;
        }
        WarmEntryStore.UpsertResult result;
        try {
            result = warm.upsert(due.stream().map(e -> e.withState(Destination.WARM, DestinationState.synced())).toList());
        } catch (RuntimeException e) {
            events.storeFailed("warm", "upsert", e);
            due.forEach(entry -> states.put(entry.id(), failed(entry, Destination.WARM, message(e), hint(e), tally)));
            return;
        }
        for (TimeEntry entry : due) {
            String rejected = result.rejected().get(entry.id());
            if (rejected != null) {
                states.put(entry.id(), block(entry, Destination.WARM, rejected, tally));
            } else if (result.inserted().contains(entry.id())) {
                states.put(entry.id(), synced(entry, Destination.WARM, tally));
            } else {
                states.put(entry.id(), alreadyInWarm(entry, tally));
            }
        }
    }

    /**
     * An id that was not new is ours only if the warm store holds it for this owner with this content (a
     * retried batch, or an entry first written to warm while the hot store was down and then submitted again).
     */
    private TimeEntry alreadyInWarm(TimeEntry entry, Tally tally) {
        Optional<TimeEntry> held;
        try {
            held = warm.get(entry.owner(), entry.id());
        } catch (RuntimeException e) {
            events.storeFailed("warm", "get", e);
            return failed(entry, Destination.WARM, message(e), null, tally);
        }
        if (held.isEmpty()) {
            // The id exists in the warm store under another owner: a client reused an id.
            return block(entry, Destination.WARM, "id " + entry.id() + " is already used by another owner", tally);
        }
        if (!held.get().sameContentAs(entry)) {
            return block(entry, Destination.WARM, "id " + entry.id()
                    + " is already stored with different content", tally);
        }
        return synced(entry, Destination.WARM, tally);
    }

    private List<TimeEntry> toCold(Map<UUID, TimeEntry> states, List<TimeEntry> due, Tally tally) {
        List<TimeEntry> changed = new ArrayList<>();
        for (int i = 0; i < due.size(); i += coldBatchSize) {
            List<TimeEntry> chunk = due.subList(i, Math.min(due.size(), i + coldBatchSize));
            Map<UUID, ColdOutcome> outcomes;
            try {
                outcomes = cold.upsert(chunk);
            } catch (RuntimeException e) {
                events.storeFailed("cold", "upsert", e);
                outcomes = Map.of();
                for (TimeEntry entry : chunk) {
                    states.put(entry.id(), failed(entry, Destination.COLD, message(e), hint(e), tally));
                }
                changed.addAll(chunk.stream().map(entry -> states.get(entry.id())).toList());
                continue;
            }
            for (TimeEntry entry : chunk) {
                TimeEntry next = applyCold(entry, outcomes.get(entry.id()), tally);
                states.put(entry.id(), next);
                changed.add(next);
            }
        }
        return changed;
    }

    private TimeEntry applyCold(TimeEntry entry, ColdOutcome outcome, Tally tally) {
        if (outcome instanceof ColdOutcome.Synced s) {
            return synced(entry.withColdRecordId(s.recordId()), Destination.COLD, tally);
        }
        if (outcome instanceof ColdOutcome.Rejected r) {
            return block(entry, Destination.COLD, r.code() + ": " + r.error(), tally);
        }
        if (outcome instanceof ColdOutcome.Retryable r) {
            return failed(entry, Destination.COLD, r.error(), r.retryAfter(), tally);
        }
        return failed(entry, Destination.COLD, "the cold sink gave no outcome for this entry", null, tally);
    }

    /**
     * Best effort: the warm copy of the cold state lets the warm sweep finish the job if the hot tier loses
     * the entry. If this write fails the sweep re-sends an entry already in cold, which the idempotent
     * upsert absorbs.
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
            tally.warmSynced++;
        } else {
            tally.coldSynced++;
        }
        events.publish(new RoofworxEvent.EntrySynced(next, destination,
                Duration.between(entry.createdAt(), clock.now())));
        return next;
    }

    private TimeEntry failed(TimeEntry entry, Destination destination, String error, Duration retryAfter, Tally tally) {
        DestinationState state = entry.state(destination);
        if (state.attempts() + 1 >= maxAttempts) {
            return block(entry, destination, error, tally);
        }
        Instant retryAt = backoff.next(state.attempts() + 1, clock.now(), retryAfter);
        TimeEntry next = entry.withState(destination, state.failed(error, retryAt));
        tally.failed++;
        events.publish(new RoofworxEvent.SyncFailed(next, destination, state.attempts() + 1, error, retryAt));
        return next;
    }

    private TimeEntry block(TimeEntry entry, Destination destination, String error, Tally tally) {
        TimeEntry next = entry.withState(destination, entry.state(destination).blocked(error));
        tally.blocked++;
        events.publish(new RoofworxEvent.EntryBlocked(next, destination, error));
        return next;
    }

    private static Duration hint(RuntimeException e) {
        return e instanceof RetryHint h ? h.retryAfter() : null;
    }

    private static String message(RuntimeException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
