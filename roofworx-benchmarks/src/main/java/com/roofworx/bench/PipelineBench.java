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
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.roofworx.sdk.redis.RedisAdapter;
import com.roofworx.sdk.redis.RedisTestServer;
import com.zaxxer.hikari.HikariDataSource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole write path on real servers (a local Redis and PostgreSQL started here; the cold sink in
 * memory): submit throughput through the SDK, the write-behind drain rate into PostgreSQL, and the lag
 * from submit to PostgreSQL under a steady 2,000 submits per second. Prints figures; asserts nothing.
 */
public final class PipelineBench {
    private static final int USERS = 200;
    private static final int THREADS = 8;
    private static final String PROJECT = "1001";

    private final InMemoryProjectSource source = new InMemoryProjectSource().put(Project.of(PROJECT, "Maple St re-roof"));
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 12_500;
        int paceSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        new PipelineBench().run(perThread, paceSeconds);
    }

    private void run(int perThread, int paceSeconds) throws Exception {
        for (int u = 0; u < USERS; u++) {
            source.assign(user(u), PROJECT);
        }
        try (RedisTestServer redisServer = RedisTestServer.start();
             HikariDataSource postgres = TestPostgres.migratedDataSource()) {
            System.out.printf("Roofworx pipeline bench: %d users, %d threads, Redis (embedded) + PostgreSQL %s, cold sink in memory%n",
                    USERS, THREADS, postgres.getConnection().getMetaData().getDatabaseProductVersion());
            try (RedisAdapter redis = redisServer.adapter()) {
                Roofworx sdk = sdk(redis, postgres, RoofworxConfig.builder().syncAfterSubmit(false).batchSize(1000)
                        .maxBatchesPerRun(Integer.MAX_VALUE).build(), event -> { });
                submitClosedLoop(sdk, 1_250, "warm-up");
                submitClosedLoop(sdk, perThread, "submit");
                drain(sdk, 1);
                submitClosedLoop(sdk, perThread, "submit");
                drain(sdk, 2);
                sdk.close();
            }
            try (RedisAdapter redis = redisServer.adapter()) {
                pacedLag(redis, postgres, 2_000, paceSeconds);
            }
        } finally {
            TestPostgres.stop();
        }
    }

    private Roofworx sdk(RedisAdapter redis, HikariDataSource postgres, RoofworxConfig config,
                         RoofworxEventListener listener) {
        return Roofworx.builder().projectSource(source).projectCache(redis.projectCache())
                .hotStore(redis.hotEntryStore(com.roofworx.sdk.spi.Clock.system()))
                .warmStore(new PostgresWarmEntryStore(postgres)).coldSink(new InMemoryColdEntrySink())
                .config(config).listener(listener).build();
    }

    private void submitClosedLoop(Roofworx sdk, int perThread, String label) throws Exception {
        long[][] latencies = new long[THREADS][perThread];
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    long t0 = System.nanoTime();
                    sdk.entries().submit(user((thread * perThread + i) % USERS),
                            EntryDraft.of(PROJECT, today, 60).withNotes("Ridge cap and flashing, north side"));
                    latencies[thread][i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("%-8s %,9d submits in %.2f s = %,8.0f submits/s   p50 %.3f ms   p99 %.3f ms   max %.3f ms%n",
                label, all.length, seconds, all.length / seconds, pct(all, 50), pct(all, 99), all[all.length - 1] / 1e6);
    }

    /** Drains the backlog with {@code workers} threads, as that many instances would. */
    private void drain(Roofworx sdk, int workers) throws Exception {
        long backlog = sdk.sync().stats().queued();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
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
        SyncReport total = SyncReport.EMPTY;
        for (Future<SyncReport> run : runs) {
            total = total.plus(run.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("drain    %,9d queued entries, %d worker(s), to PostgreSQL (and the cold sink) in %.2f s = %,8.0f entries/s  (%s)%n",
                backlog, workers, seconds, backlog / seconds, total);
    }

    /** Submits at a fixed rate with background sync on, and records each entry's submit-to-PostgreSQL lag. */
    private void pacedLag(RedisAdapter redis, HikariDataSource postgres, int perSecond, int seconds) throws Exception {
        List<Long> lagsNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        RoofworxEventListener onWarm = RoofworxEventListener.on(RoofworxEvent.EntrySynced.class, e -> {
            if (e.destination() == Destination.WARM) {
                lagsNanos.add(e.lag().toNanos());
            }
        });
        Roofworx sdk = sdk(redis, postgres, RoofworxConfig.builder().build(), onWarm).start();
        long total = (long) perSecond * seconds;
        long intervalNanos = 1_000_000_000L / perSecond;
        AtomicLong sent = new AtomicLong();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            sdk.entries().submit(user((int) (i % USERS)), EntryDraft.of(PROJECT, today, 45));
            sent.incrementAndGet();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lagsNanos.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long backlog = sdk.sync().stats().queued();
        sdk.close();
        long[] lags = lagsNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("lag      %,d submits/s for %d s (%,d entries): submit -> PostgreSQL p50 %.1f ms   p99 %.1f ms   max %.1f ms; "
                        + "%,d in PostgreSQL, %,d still queued at the end%n",
                perSecond, seconds, sent.get(), pct(lags, 50), pct(lags, 99), lags.length == 0 ? 0 : lags[lags.length - 1] / 1e6,
                lags.length, backlog);
    }

    /** A percentile of sorted nanosecond samples, in milliseconds. */
    private static double pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String user(int n) {
        return "worker" + n + "@example.com";
    }
}
