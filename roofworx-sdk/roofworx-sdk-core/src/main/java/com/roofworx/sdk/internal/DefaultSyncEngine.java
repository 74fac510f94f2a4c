package com.roofworx.sdk.internal;

import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.SyncEngine;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.HotEntryStore.Claim;
import com.roofworx.sdk.spi.WarmEntryStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Drains the hot queue batch by batch under leases, then sweeps the warm store for entries that still owe
 * the cold sink but that the hot tier no longer holds (lost, or written straight to warm while hot was down).
 */
public final class DefaultSyncEngine implements SyncEngine {
    /** How far the admin views and replay look into the blocked lists. */
    private static final int BLOCKED_SCAN = 10_000;

    private final HotEntryStore hot;
    private final WarmEntryStore warm;
    private final BatchSync batches;
    private final RoofworxConfig config;
    private final Clock clock;
    private final Events events;
    private volatile boolean stopping;

    public DefaultSyncEngine(HotEntryStore hot, WarmEntryStore warm, ColdEntrySink cold, RoofworxConfig config,
                             Clock clock, Events events) {
        this.hot = hot;
        this.warm = warm;
        this.config = config;
        this.clock = clock;
        this.events = events;
        Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMultiplier(), config.backoffJitter(),
                config.backoffMax());
        this.batches = new BatchSync(warm, cold, backoff, config.maxAttempts(), clock, events);
    }

    @Override
    public SyncReport runOnce() {
        Tally tally = new Tally();
        drain(() -> hot.claim(clock.now(), config.lease(), config.batchSize()), tally);
        sweepWarm(tally);
        return tally.report();
    }

    /** Drains the hot queue of everything due, without the warm sweep: the run after a submit. */
    public SyncReport drainDue() {
        Tally tally = new Tally();
        drain(() -> hot.claim(clock.now(), config.lease(), config.batchSize()), tally);
        return tally.report();
    }

    @Override
    public SyncReport syncUser(String user) {
        String owner = Users.normalize(user);
        Tally tally = new Tally();
        drain(() -> hot.claimFor(owner, clock.now(), config.lease(), config.batchSize()), tally);
        return tally.report();
    }

    /** Stops taking new batches; the batch in hand is finished and acknowledged. */
    public void stop() {
        stopping = true;
    }

    private void drain(Supplier<List<Claim>> claimer, Tally tally) {
        for (int i = 0; i < config.maxBatchesPerRun() && !stopping; i++) {
            List<Claim> claims;
            try {
                claims = claimer.get();
            } catch (RuntimeException e) {
                events.storeFailed("hot", "claim", e);
                return;
            }
            if (claims.isEmpty()) {
                return;
            }
            tally.claimed += claims.size();
            Map<UUID, TimeEntry> updated = batches.sync(claims.stream().map(Claim::entry).toList(), tally);
            acknowledge(claims, updated, tally);
        }
    }

    private void acknowledge(List<Claim> claims, Map<UUID, TimeEntry> updated, Tally tally) {
        List<HotEntryStore.Completion> completions = claims.stream()
                .map(c -> new HotEntryStore.Completion(c, updated.get(c.entry().id()))).toList();
        try {
            for (Claim lost : hot.completeAll(completions)) {
                tally.leaseLost++;
                events.publish(new RoofworxEvent.LeaseLost(lost.entry().id()));
            }
        } catch (RuntimeException e) {
            // Unacknowledged entries stay leased, then are claimed again; the idempotent writes absorb it.
            events.storeFailed("hot", "complete", e);
        }
    }

    private void sweepWarm(Tally tally) {
        for (int i = 0; i < config.maxBatchesPerRun() && !stopping; i++) {
            List<TimeEntry> due;
            try {
                due = warm.claimColdDue(clock.now(), config.lease(), config.batchSize());
            } catch (RuntimeException e) {
                events.storeFailed("warm", "claimColdDue", e);
                return;
            }
            if (due.isEmpty()) {
                return;
            }
            List<TimeEntry> orphans = due.stream().filter(e -> !hotHolds(e)).toList();
            batches.syncColdFromWarm(orphans, tally);
        }
    }

    /** The hot tier owns an entry's lifecycle while it holds it; the sweep only takes what it lost. */
    private boolean hotHolds(TimeEntry entry) {
        try {
            return hot.get(entry.owner(), entry.id()).isPresent();
        } catch (RuntimeException e) {
            events.storeFailed("hot", "get", e);
            return false;
        }
    }

    @Override
    public List<TimeEntry> blocked(int limit) {
        Map<UUID, TimeEntry> all = new LinkedHashMap<>();
        tryRead("hot", () -> hot.blocked(limit)).forEach(e -> all.put(e.id(), e));
        tryRead("warm", () -> warm.coldBlocked(limit)).forEach(e -> all.putIfAbsent(e.id(), e));
        return all.values().stream().sorted(java.util.Comparator.comparing(TimeEntry::createdAt))
                .limit(limit).toList();
    }

    @Override
    public boolean replay(UUID entryId) {
        Optional<TimeEntry> inHot = tryRead("hot", () -> hot.blocked(BLOCKED_SCAN)).stream()
                .filter(e -> e.id().equals(entryId)).findFirst();
        if (inHot.isPresent() && hot.requeue(unblock(inHot.get()))) {
            events.publish(new RoofworxEvent.EntryReplayed(entryId));
            return true;
        }
        Optional<TimeEntry> inWarm = tryRead("warm", () -> warm.coldBlocked(BLOCKED_SCAN)).stream()
                .filter(e -> e.id().equals(entryId)).findFirst();
        if (inWarm.isPresent()) {
            warm.updateCold(List.of(unblock(inWarm.get())));
            events.publish(new RoofworxEvent.EntryReplayed(entryId));
            return true;
        }
        return false;
    }

    private TimeEntry unblock(TimeEntry entry) {
        TimeEntry next = entry;
        for (Destination d : Destination.values()) {
            if (next.state(d).isBlocked()) {
                next = next.withState(d, DestinationState.pending(clock.now()));
            }
        }
        return next;
    }

    @Override
    public SyncStats stats() {
        HotEntryStore.QueueStats s = hot.stats();
        return new SyncStats(s.queued(), s.blocked());
    }

    private <T> List<T> tryRead(String store, Supplier<List<T>> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            events.storeFailed(store, "blocked", e);
            return new ArrayList<>();
        }
    }
}
