package com.roofworx.bench;

import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.PostgresWarmEntryStore;
import org.redisson.Redisson;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.api.map.MapWriter;
import org.redisson.api.map.WriteMode;
import org.redisson.api.options.MapOptions;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The peer: Redisson's write-behind map on the same Redis, writing to the same PostgreSQL table with the same
 * batch upsert as the SDK's drain, so the difference is the write-behind machinery alone. The entry is a string
 * value keyed by its id.
 */
final class RedissonWriteBehind implements AutoCloseable {
    private static final int BATCH = 100;

    private final RedissonClient redisson;
    private final PostgresWarmEntryStore warm;
    private final AtomicLong written = new AtomicLong();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile Latency lags;
    private long backlog;

    RedissonWriteBehind(String redisUri, DataSource postgres) {
        Config config = new Config();
        config.useSingleServer().setAddress(redisUri);
        this.redisson = Redisson.create(config);
        this.warm = new PostgresWarmEntryStore(postgres);
    }

    /**
     * Puts from {@code threads} threads into a map with the default-style delay (1 s, batches of 100) while its
     * writer is held, so that the puts queue up for {@link #drain}.
     */
    Figure submit(int threads, int perThread) throws Exception {
        gate = new CountDownLatch(1);
        written.set(0);
        lags = null;
        RMap<String, String> map = map("bench:redisson:backlog", 1_000);
        backlog = (long) threads * perThread;
        return ClosedLoop.run("Redisson RMap write-behind fastPut", "submits/s", threads, perThread,
                i -> map.fastPut(Entries.id().toString(), line(i)));
    }

    /** Lets the writer go and times it through the backlog {@link #submit} left. */
    Figure drain() throws InterruptedException {
        long start = System.nanoTime();
        gate.countDown();
        Paced.await(() -> written.get() >= backlog, 600);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Figure("Redisson write-behind drain", written.get() / seconds, "rows/s", null,
                String.format("%,d queued, writer batches of %d", backlog, BATCH));
    }

    /** Puts at a fixed rate; each entry's time from creation to the commit of the batch that wrote it. */
    Figure lag(int delayMillis, int perSecond, int seconds) throws InterruptedException {
        written.set(0);
        Latency recorded = new Latency();
        lags = recorded;
        RMap<String, String> map = map("bench:redisson:lag" + delayMillis, delayMillis);
        long sent = Paced.run(perSecond, seconds, i -> map.fastPut(Entries.id().toString(), line(i)));
        Paced.await(() -> written.get() >= sent, 60);
        lags = null;
        return new Figure("Redisson lag, delay " + delayMillis + " ms", Double.NaN, "", recorded,
                String.format("%,d/s for %d s, %,d of %,d in PostgreSQL", perSecond, seconds, recorded.count(), sent));
    }

    private RMap<String, String> map(String name, int delayMillis) {
        return redisson.getMap(MapOptions.<String, String>name(name).codec(StringCodec.INSTANCE)
                .writer(new ToPostgres()).writeMode(WriteMode.WRITE_BEHIND)
                .writeBehindDelay(delayMillis).writeBehindBatchSize(BATCH));
    }

    /** owner|project|work date|minutes|created at (epoch microseconds)|notes */
    private static String line(long n) {
        Instant now = Instant.now();
        EntryDraft draft = Entries.draft();
        return String.join("|", Entries.user(n), draft.projectId(), draft.workDate().toString(),
                Integer.toString(draft.minutes()), Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, now)),
                draft.notes());
    }

    private static TimeEntry entry(String id, String line) {
        String[] f = line.split("\\|", 6);
        Instant createdAt = Instant.EPOCH.plus(Long.parseLong(f[4]), ChronoUnit.MICROS);
        TimeEntry entry = TimeEntry.accepted(UUID.fromString(id), f[0],
                new EntryDraft(null, f[1], LocalDate.parse(f[2]), Integer.parseInt(f[3]), f[5], null), createdAt);
        return entry.withState(Destination.WARM, DestinationState.synced())
                .withState(Destination.COLD, entry.cold().waiting(createdAt.plusSeconds(30)));
    }

    private final class ToPostgres implements MapWriter<String, String> {
        @Override
        public void write(Map<String, String> map) {
            try {
                gate.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            List<TimeEntry> rows = new ArrayList<>(map.size());
            map.forEach((id, line) -> rows.add(entry(id, line)));
            warm.upsert(rows);
            Latency recording = lags;
            if (recording != null) {
                Instant now = Instant.now();
                rows.forEach(row -> recording.record(Duration.between(row.createdAt(), now).toNanos()));
            }
            written.addAndGet(rows.size());
        }

        @Override
        public void delete(Collection<String> keys) {
            // the bench never deletes
        }
    }

    @Override
    public void close() {
        redisson.shutdown();
    }
}
