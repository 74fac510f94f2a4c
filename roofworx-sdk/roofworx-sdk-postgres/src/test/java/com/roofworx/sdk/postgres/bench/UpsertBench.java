package com.roofworx.sdk.postgres.bench;

import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.PostgresWarmEntryStore;
import com.roofworx.sdk.postgres.RoofworxMigrations;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Batch upsert throughput against a local PostgreSQL with durable commits (fsync and synchronous_commit on),
 * closed loop: each writer sends its next batch when the last one committed. Not a test: it prints figures.
 * <p>
 * Run from the repository root: {@code mvn -B -q -pl roofworx-sdk/roofworx-sdk-postgres -am test-compile exec:java
 * -Dexec.skip -Dexec.mainClass=com.roofworx.sdk.postgres.bench.UpsertBench -Dexec.classpathScope=test}
 * (optional {@code -Dexec.args="<rows per run> [async]"}: default 100000 rows; {@code async} turns
 * {@code synchronous_commit} off, to separate the cost of the work from the cost of waiting for the disk).
 */
public final class UpsertBench {

    private static final int[] BATCH_SIZES = {100, 1_000};
    private static final int[] WRITERS = {1, 4};
    private static final Instant T0 = Instant.parse("2026-03-10T09:30:00Z");

    private UpsertBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean durable = args.length < 2 || !"async".equals(args[1]);
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("fsync", "on")
                .start();
             HikariDataSource ds = pool(server)) {
            RoofworxMigrations.migrate(ds);
            PostgresWarmEntryStore store = new PostgresWarmEntryStore(ds);
            run(store, 100, 1, 20_000, false); // warm-up: JIT, prepared statements, pool
            System.out.printf("PostgreSQL %s, %s; %,d rows per run; entry = uuid, owner, project,"
                    + " date, minutes, 40-char notes, task type, cold state%n", version(ds),
                    durable ? "durable commits (fsync, synchronous_commit on)" : "synchronous_commit off", rows);
            for (int writers : WRITERS) {
                for (int batch : BATCH_SIZES) {
                    run(store, batch, writers, rows, true);
                }
            }
            commitFloor(ds);
        }
    }

    private static void run(PostgresWarmEntryStore store, int batchSize, int writers, int rows, boolean print)
            throws Exception {
        int batchesPerWriter = Math.max(1, rows / batchSize / writers);
        List<List<List<TimeEntry>>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            List<List<TimeEntry>> batches = new ArrayList<>();
            for (int b = 0; b < batchesPerWriter; b++) {
                batches.add(batch(batchSize, w * 1_000 + b));
            }
            work.add(batches);
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        List<Future<long[]>> results = new ArrayList<>();
        for (List<List<TimeEntry>> batches : work) {
            results.add(pool.submit(() -> {
                long[] micros = new long[batches.size()];
                for (int i = 0; i < batches.size(); i++) {
                    long t = System.nanoTime();
                    int inserted = store.upsert(batches.get(i)).inserted().size();
                    micros[i] = (System.nanoTime() - t) / 1_000;
                    if (inserted != batches.get(i).size()) {
                        throw new IllegalStateException("expected every row new, got " + inserted);
                    }
                }
                return micros;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : results) {
            Arrays.stream(f.get()).forEach(all::add);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (print) {
            all.sort(null);
            long total = (long) batchesPerWriter * writers * batchSize;
            System.out.printf("batch %5d x %d writer(s): %,9.0f rows/s  (%,d rows in %.2f s; per batch p50 %.2f ms,"
                            + " p99 %.2f ms)%n", batchSize, writers, total / seconds, total, seconds,
                    all.get(all.size() / 2) / 1e3, all.get((int) (all.size() * 0.99)) / 1e3);
        }
    }

    private static List<TimeEntry> batch(int size, int seed) {
        List<TimeEntry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Instant created = T0.plusMillis(seed * 10_000L + i);
            entries.add(new TimeEntry(UUID.randomUUID(), "worker" + (i % 50) + "@roofworx.test", "deal-" + (i % 200),
                    LocalDate.of(2026, 1, 1).plusDays(i % 90), 30 + i % 400, "Replaced flashing along the north ridge",
                    "Repair", created, DestinationState.synced(), DestinationState.pending(created), null));
        }
        return entries;
    }

    /** What one tiny transaction costs: the floor under every single-writer batch. */
    private static void commitFloor(HikariDataSource ds) throws Exception {
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS public.bench_floor (x int)");
            long[] micros = new long[300];
            for (int i = 0; i < micros.length; i++) {
                long t = System.nanoTime();
                s.execute("INSERT INTO public.bench_floor VALUES (1)");
                micros[i] = (System.nanoTime() - t) / 1_000;
            }
            Arrays.sort(micros);
            System.out.printf("floor: one-row INSERT + commit, p50 %.2f ms%n", micros[micros.length / 2] / 1e3);
        }
    }

    private static HikariDataSource pool(EmbeddedPostgres server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    private static String version(HikariDataSource ds) throws Exception {
        try (var c = ds.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
