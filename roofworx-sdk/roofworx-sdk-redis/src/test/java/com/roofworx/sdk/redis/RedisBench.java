package com.roofworx.sdk.redis;

import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.HotEntryStore.Claim;
import com.roofworx.sdk.spi.ProjectCache;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Throughput and latency of submits (hot-store insert) and projects reads against a local Redis the bench
 * starts itself: 8 threads, closed loop, a fixed number of operations, after a warm-up. Not a test: run it
 * by hand (see docs/redis-design.md); it ends with the memory report and the blocked-list figures. Pass
 * {@code --aof} to run Redis with appendfsync always, and
 * {@code --slot-safe} to keep every script in one slot (the Redis Cluster mode).
 */
public final class RedisBench {
    private static final int THREADS = 8;
    private static final int USERS = 200;
    private static final int OPS_PER_THREAD = 25_000;
    private static final int WARMUP_PER_THREAD = 5_000;
    private static final String NOTES = "Replaced flashing on north ridge, side B"; // 40 characters

    private RedisBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean aof = Arrays.asList(args).contains("--aof");
        boolean slotSafe = Arrays.asList(args).contains("--slot-safe");
        try (RedisTestServer server = aof ? RedisTestServer.startWithAof() : RedisTestServer.start();
             RedisAdapter adapter = server.adapter(RedisAdapterConfig.builder().keyPrefix(RedisTestServer.freshPrefix())
                     .singleSlotScripts(slotSafe).build())) {
            HotEntryStore hot = adapter.hotEntryStore(Clock.system());
            ProjectCache projects = adapter.projectCache();
            List<Project> list = projects();
            for (int u = 0; u < USERS; u++) {
                projects.putUser(user(u), list, Duration.ofHours(1), Duration.ofDays(7));
            }
            System.out.printf("Redis %s, Lettuce, %d threads, %d ops per thread after %d warm-up%s%s%n",
                    redisVersion(server), THREADS, OPS_PER_THREAD, WARMUP_PER_THREAD,
                    aof ? ", AOF appendfsync always" : "", slotSafe ? ", slot-safe scripts" : ", single-node scripts");
            run("submit (insert)", i -> hot.insert(entry(i)));
            run("projectsFor (hit)", i -> projects.projectsFor(user(i)));
            RedisMemory.report(server, adapter.config().keyPrefix());
            BlockedBench.report(server);
        }
    }

    /** 20 projects with Zoho-sized ids and ordinary names and addresses. */
    static List<Project> projects() {
        return IntStream.range(0, 20).mapToObj(i -> new Project(Long.toString(5_725_648_000_001_234_500L + i),
                "Project " + i + " re-roof", "Active", true, "Account " + i, i + " Maple St, Springfield")).toList();
    }

    private static String user(int i) {
        return "worker" + Math.floorMod(i, USERS) + "@roofco.example";
    }

    static TimeEntry entry(int i) {
        Instant now = Instant.now();
        LocalDate workDate = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(Math.floorMod(i, 30));
        // Not UUID.randomUUID(): its SecureRandom would be measured along with Redis.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return TimeEntry.accepted(new UUID(random.nextLong(), random.nextLong()), user(i),
                new EntryDraft(null, "5725648000001234567", workDate, 480, NOTES, "Repair"), now);
    }

    static TimeEntry synced(Claim claim) {
        return claim.entry().withState(Destination.WARM, DestinationState.synced())
                .withState(Destination.COLD, DestinationState.synced()).withColdRecordId("6243000000098765432");
    }

    private static void run(String name, IntConsumer op) throws Exception {
        measure(op, WARMUP_PER_THREAD);
        long started = System.nanoTime();
        long[] latencies = measure(op, OPS_PER_THREAD);
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%-18s %,10.0f ops/s   p50 %.3f ms   p99 %.3f ms   max %.3f ms%n", name,
                latencies.length / seconds, latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6);
    }

    private static long[] measure(IntConsumer op, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<long[]>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    long[] own = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        long start = System.nanoTime();
                        op.accept(thread * perThread + i);
                        own[i] = System.nanoTime() - start;
                    }
                    return own;
                }));
            }
            long[] all = new long[THREADS * perThread];
            for (int t = 0; t < THREADS; t++) {
                System.arraycopy(runs.get(t).get(), 0, all, t * perThread, perThread);
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String redisVersion(RedisTestServer server) {
        return RedisMemory.info(server, "server", "redis_version");
    }
}
