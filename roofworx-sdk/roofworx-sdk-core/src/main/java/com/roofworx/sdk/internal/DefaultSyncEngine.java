package com.roofworx.sdk.internal;

import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.SyncEngine;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.HotEntryStore.Claim;
import com.roofworx.sdk.spi.WarmEntryStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Drains the hot queue (warm writes, each followed by an immediate cold attempt) batch by batch under leases,
 * then sweeps the warm store for cold work: entries whose immediate cold attempt failed, was skipped while the
 * cold sink was paused, or never happened (written straight to warm while hot was down). A paused destination
 * is not called, except by the one instance that wins its probe.
 */
public final class DefaultSyncEngine implements SyncEngine {
    private final HotEntryStore hot;
    private final WarmEntryStore warm;
    private final BatchSync batches;
    private final Pauses pauses;
    private final BlockedWork blocked;
    private final ColdBudget budget;
    private final RoofworxConfig config;
    private final Clock clock;
    private final Events events;
    private final Executor executor;
    private volatile boolean stopping;

    /**
     * @param executor runs the hot store's side of a drain beside the warm write (see {@link #drain}); may be
     *                 busy or single-threaded, as the work is run inline when no thread takes it in time
     */
    public DefaultSyncEngine(HotEntryStore hot, WarmEntryStore warm, ColdEntrySink cold, RoofworxConfig config,
                             Clock clock, Events events, Executor executor) {
        this.hot = hot;
        this.executor = executor;
        this.warm = warm;
        this.config = config;
        this.clock = clock;
        this.events = events;
        Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMultiplier(), config.backoffJitter(),
                config.backoffMax());
        this.pauses = new Pauses(hot, backoff, config.lease(), clock, events);
        this.budget = new ColdBudget(hot, config.coldDailyCallBudget(), clock, events);
        this.batches = new BatchSync(warm, cold, backoff, config.lease(), config.coldLinger(), budget, clock, events,
                pauses);
        this.blocked = new BlockedWork(hot, warm, clock, events);
    }

    /** The pause state this engine keeps; the submit path consults it without a round trip. */
    public Pauses pauseState() {
        return pauses;
    }

    @Override
    public SyncReport runOnce() {
        Tally tally = new Tally();
        drain(() -> hot.claim(clock.now(), config.lease(), config.batchSize()), tally);
        sweepCold(tally);
        return tally.report();
    }

    /** Drains the hot queue of everything due, without the cold sweep: the run after a submit. */
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

    /**
     * While the warm store is paused nothing is claimed until its probe is due, so waiting entries are not
     * touched (and use up no attempts); then one instance claims one batch as the probe.
     * <p>
     * Batches overlap: while the warm store writes one batch, another thread acknowledges the batch before it
     * in the hot store and claims the next one, so the two stores work at the same time instead of in turn
     * (docs/engine-design.md, "The drain's overlap"). A probe is not overlapped: it stays one batch. Whatever
     * the loop leaves with is settled on the way out: the last batch acknowledged, a batch claimed ahead given
     * back untouched.
     */
    private void drain(Supplier<List<Claim>> claimer, Tally tally) {
        List<Claim> claims = null;
        Written pending = null;
        try {
            for (int i = 0; i < config.maxBatchesPerRun() && !stopping; i++) {
                Map<Destination, DestinationPause> seen = pauses.read();
                Instant now = clock.now();
                if (pauses.waiting(seen, Destination.WARM, now)) {
                    return;
                }
                if (claims == null) {
                    claims = claim(claimer);
                }
                if (claims.isEmpty() || !pauses.mayCall(seen, Destination.WARM, now)) {
                    // Nothing due, or another instance is probing: a batch in hand goes back untouched.
                    return;
                }
                List<Claim> batch = claims;
                claims = null;
                tally.claimed += batch.size();
                Written previous = pending;
                pending = null;
                boolean ahead = !seen.containsKey(Destination.WARM) && i + 1 < config.maxBatchesPerRun();
                Beside<List<Claim>> beside = Beside.start(executor, () -> {
                    if (previous != null) {
                        acknowledge(previous, tally);
                    }
                    return ahead ? claim(claimer) : null;
                });
                Map<UUID, TimeEntry> updated = batches.sync(batch.stream().map(Claim::entry).toList(), seen, tally);
                claims = beside.join();
                pending = new Written(batch, updated);
                if (updated.values().stream().anyMatch(e -> e.warm().isPending())) {
                    // The warm store failed this round; what is left waits for its next probe.
                    return;
                }
            }
        } finally {
            if (pending != null) {
                acknowledge(pending, tally);
            }
            if (claims != null) {
                claims.forEach(this::release);
            }
        }
    }

    /** A batch's claims and the states the sync gave its entries, to acknowledge in the hot store. */
    private record Written(List<Claim> claims, Map<UUID, TimeEntry> updated) {
    }

    /** The claimed batch, or none when the hot store failed (the failure is reported). */
    private List<Claim> claim(Supplier<List<Claim>> claimer) {
        try {
            return claimer.get();
        } catch (RuntimeException e) {
            events.storeFailed("hot", "claim", e);
            return List.of();
        }
    }

    private void release(Claim claim) {
        try {
            hot.release(claim);
        } catch (RuntimeException e) {
            // Left to its lease.
            events.storeFailed("hot", "release", e);
        }
    }

    private void acknowledge(Written written, Tally tally) {
        List<HotEntryStore.Completion> completions = written.claims().stream()
                .map(c -> new HotEntryStore.Completion(c, written.updated().get(c.entry().id()))).toList();
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

    /**
     * Cold work from the warm store. Its claim is also how a paused warm store is probed when the hot queue
     * has nothing to probe with. While the cold sink is paused, only the instance that wins the probe sends
     * one sink-sized batch.
     */
    private void sweepCold(Tally tally) {
        for (int i = 0; i < config.maxBatchesPerRun() && !stopping; i++) {
            Map<Destination, DestinationPause> seen = pauses.read();
            Instant now = clock.now();
            if (pauses.waiting(seen, Destination.WARM, now) || pauses.waiting(seen, Destination.COLD, now)
                    || !pauses.mayCall(seen, Destination.WARM, now) || !pauses.mayCall(seen, Destination.COLD, now)) {
                return;
            }
            boolean coldProbe = seen.containsKey(Destination.COLD);
            int size = coldProbe ? batches.coldBatchSize() : Math.max(config.batchSize(), batches.coldBatchSize());
            List<TimeEntry> due;
            try {
                due = topUp(warm.claimColdDue(now, config.lease(), size), now, coldProbe);
            } catch (RuntimeException e) {
                events.storeFailed("warm", "claimColdDue", e);
                pauses.failed(Destination.WARM, e);
                return;
            }
            pauses.succeeded(seen, Destination.WARM);
            if (due.isEmpty()) {
                return;
            }
            batches.syncColdFromWarm(due, seen, tally);
            if (pauses.seemsPaused(Destination.COLD)) {
                return;
            }
        }
    }

    /**
     * With a cold linger, a last call that is not full takes along entries that would be due within the
     * linger, oldest first: once one entry has waited the linger, the call carries everything pending up to
     * the sink's batch size, however often instances sweep (each sweep alone would send only what came due
     * since the last one). A probe stays one call as claimed.
     */
    private List<TimeEntry> topUp(List<TimeEntry> due, Instant now, boolean probe) {
        int coldBatch = batches.coldBatchSize();
        if (due.isEmpty() || probe || config.coldLinger().isZero() || due.size() % coldBatch == 0) {
            return due;
        }
        List<TimeEntry> more = warm.claimColdDue(now.plus(config.coldLinger()), config.lease(),
                coldBatch - due.size() % coldBatch);
        if (more.isEmpty()) {
            return due;
        }
        List<TimeEntry> all = new java.util.ArrayList<>(due);
        all.addAll(more);
        return all;
    }

    @Override
    public List<TimeEntry> blocked(int limit) {
        return blocked(BlockedFilter.all(), null, limit).entries();
    }

    @Override
    public BlockedPage blocked(BlockedFilter filter, String cursor, int limit) {
        return blocked.page(filter, cursor, limit);
    }

    @Override
    public Optional<TimeEntry> blockedEntry(UUID entryId) {
        return blocked.find(entryId);
    }

    @Override
    public boolean replay(UUID entryId) {
        return blocked.replay(entryId);
    }

    @Override
    public int replayAll(BlockedFilter filter) {
        return blocked.replayAll(filter);
    }

    @Override
    public Map<Destination, DestinationPause> pauses() {
        return pauses.read();
    }

    @Override
    public SyncStats stats() {
        HotEntryStore.QueueStats s = hot.stats();
        return new SyncStats(s.queued(), s.blocked(), countInWarm("coldBlockedCount", warm::coldBlockedCount),
                countInWarm("coldPendingCount", warm::coldPendingCount), budget.usedToday());
    }

    private long countInWarm(String operation, java.util.function.LongSupplier count) {
        try {
            return count.getAsLong();
        } catch (RuntimeException e) {
            events.storeFailed("warm", operation, e);
            return -1;
        }
    }
}
