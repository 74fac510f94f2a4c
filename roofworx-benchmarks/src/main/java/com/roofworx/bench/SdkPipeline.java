package com.roofworx.bench;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.SyncEngine.SyncReport;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.event.RoofworxEventListener;
import com.roofworx.sdk.memory.InMemoryColdEntrySink;
import com.roofworx.sdk.memory.InMemoryProjectSource;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.postgres.PostgresWarmEntryStore;
import com.roofworx.sdk.redis.RedisAdapter;
import com.roofworx.sdk.spi.Clock;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The SDK's whole write path on the bench's servers (the cold sink in memory): submits through
 * {@code Roofworx.entries().submit}, the write-behind drain into PostgreSQL, and the lag from submit to
 * PostgreSQL at a steady rate.
 */
final class SdkPipeline {
    private final InMemoryProjectSource source = new InMemoryProjectSource()
            .put(Project.of(Entries.PROJECT, "Maple St re-roof"));
    private final DataSource postgres;

    SdkPipeline(DataSource postgres) {
        this.postgres = postgres;
        for (int u = 0; u < Entries.USERS; u++) {
            source.assign(Entries.user(u), Entries.PROJECT);
        }
    }

    /**
     * Background sync off, so that submits queue up for {@link #drain}. The cold linger is longer than the bench,
     * so the drain figure is the hot-to-PostgreSQL write alone: with the default 30 s linger, entries of earlier
     * runs would come due for the cold sink in the middle of a later drain, and the figure would measure
     * whatever amount of cold work happened to fall into it (their PostgreSQL bookkeeping, and a sink that
     * stands in for Zoho CRM, whose own pace bounds the cold side in real use).
     */
    Roofworx queueing(RedisAdapter redis) {
        return sdk(redis, RoofworxConfig.builder().syncAfterSubmit(false).batchSize(1000)
                .maxBatchesPerRun(Integer.MAX_VALUE).coldLinger(Duration.ofHours(1)).build(), event -> { });
    }

    /**
     * Submits from {@code threads} threads. With {@code clientIds} each draft carries its own id, as the field
     * app's do; without, the SDK makes the id.
     */
    Figure submit(Roofworx sdk, String name, int threads, int perThread, boolean clientIds) throws Exception {
        return ClosedLoop.run(name, "submits/s", threads, perThread, i -> {
            EntryDraft draft = Entries.draft();
            sdk.entries().submit(Entries.user(i), clientIds ? draft.withId(Entries.id()) : draft);
        });
    }

    /** Drains the backlog with {@code workers} threads, as that many instances would. */
    Figure drain(Roofworx sdk, int workers) throws Exception {
        long backlog = sdk.sync().stats().queued();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long start = System.nanoTime();
            List<Future<SyncReport>> runs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                runs.add(pool.submit(() -> {
                    SyncReport total = SyncReport.EMPTY;
                    SyncReport round;
                    do {
                        round = sdk.sync().runOnce();
                        total = total.plus(round);
                    } while (round.claimed() > 0);
                    return total;
                }));
            }
            long synced = 0;
            for (Future<SyncReport> run : runs) {
                synced += run.get().warmSynced();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Figure("Roofworx drain, " + workers + " worker" + (workers > 1 ? "s" : ""), synced / seconds,
                    "entries/s", null, String.format("%,d queued, batches of 1,000", backlog));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Submits at a fixed rate with background sync on; each entry's time from creation to its PostgreSQL commit. */
    Figure lag(RedisAdapter redis, int perSecond, int seconds) throws Exception {
        Latency lags = new Latency();
        RoofworxEventListener onWarm = RoofworxEventListener.on(RoofworxEvent.EntrySynced.class, e -> {
            if (e.destination() == Destination.WARM) {
                lags.record(e.lag().toNanos());
            }
        });
        Roofworx sdk = sdk(redis, RoofworxConfig.builder().build(), onWarm).start();
        try {
            long sent = Paced.run(perSecond, seconds, i -> sdk.entries().submit(Entries.user(i), Entries.draft()));
            Paced.await(() -> lags.count() >= sent, 60);
            return new Figure("Roofworx lag", Double.NaN, "", lags, String.format("%,d/s for %d s, %,d of %,d in PostgreSQL",
                    perSecond, seconds, lags.count(), sent));
        } finally {
            sdk.close();
        }
    }

    private Roofworx sdk(RedisAdapter redis, RoofworxConfig config, RoofworxEventListener listener) {
        return Roofworx.builder().projectSource(source).projectCache(redis.projectCache())
                .hotStore(redis.hotEntryStore(Clock.system()))
                .warmStore(new PostgresWarmEntryStore(postgres)).coldSink(new InMemoryColdEntrySink())
                .config(config).listener(listener).build();
    }
}
