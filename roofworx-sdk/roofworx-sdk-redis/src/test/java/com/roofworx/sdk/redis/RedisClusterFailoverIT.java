package com.roofworx.sdk.redis;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.memory.InMemoryColdEntrySink;
import com.roofworx.sdk.memory.InMemoryProjectCache;
import com.roofworx.sdk.memory.InMemoryProjectSource;
import com.roofworx.sdk.memory.InMemoryWarmEntryStore;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A master of a real Redis Cluster killed with SIGKILL while submits and syncs run; the cluster promotes its
 * replica by itself (node timeout 1 s). The killed master is the one holding the global queue index
 * ({@code {q}}), plus the queues of about a third of the users.
 * <p>
 * What it shows: every submit is acknowledged (into Redis, or into the warm store while the slot is
 * unreachable); after the promotion, submits land in Redis again; the claim sweep finds every entry queued on
 * the lost master before the kill; at the end every acknowledged entry is in the warm store and the cold sink
 * exactly once. Replication is asynchronous (no WAIT): an entry acknowledged by the master in the instant
 * before the kill, and not yet sent to its replica, would be lost with it; the test counts such entries
 * (loopback replication takes microseconds, so it sees none) and fails if one is missing.
 */
class RedisClusterFailoverIT {
    private static final String PROJECT = "1001";

    @Test
    @DisplayName("kill -9 of the master holding {q} mid-run: submits go on (hot or warm), nothing lost or doubled, "
            + "entries queued on the lost master are all synced")
    void masterKilledMidRun() throws Exception {
        try (RedisTestCluster cluster = RedisTestCluster.start()) {
            String prefix = RedisTestServer.freshPrefix();
            RedisAdapterConfig config = RedisAdapterConfig.builder().keyPrefix(prefix).singleSlotScripts(true)
                    .commandTimeout(Duration.ofMillis(500)).build();
            List<String> users = RedisClusterEngineIT.users(30);
            int victim = cluster.masterPortOf(prefix + "{q}:due");
            Set<String> onVictim = users.stream()
                    .filter(user -> cluster.masterPortOf(prefix + "{" + user + "}:q") == victim)
                    .collect(Collectors.toSet());
            assertThat(onVictim).as("users whose queues live on the master to be killed").isNotEmpty();

            InMemoryWarmEntryStore warm = new InMemoryWarmEntryStore();
            InMemoryColdEntrySink cold = new InMemoryColdEntrySink();
            InMemoryProjectSource source = new InMemoryProjectSource().put(Project.of(PROJECT, "Maple St re-roof"));
            users.forEach(user -> source.assign(user, PROJECT));
            try (RedisAdapter redis = cluster.adapter(config)) {
                Roofworx sdk = Roofworx.builder().projectSource(source).projectCache(new InMemoryProjectCache())
                        .hotStore(redis.hotEntryStore(Clock.system())).warmStore(warm).coldSink(cold)
                        .config(RoofworxConfig.builder().syncAfterSubmit(false).batchSize(25).coldLinger(Duration.ZERO)
                                .backoffInitial(Duration.ofMillis(100)).backoffMax(Duration.ofMillis(500))
                                .backoffJitter(0).lease(Duration.ofSeconds(5))
                                // cold writes at once: a lingering partial batch would outlast the drain below
                                .coldLinger(Duration.ZERO).build())
                        .build();
                Map<UUID, String> acknowledged = new ConcurrentHashMap<>();
                Map<UUID, Boolean> inHot = new ConcurrentHashMap<>();

                // Before the kill: queued, not synced; a third of them on the master about to die.
                for (int i = 0; i < 150; i++) {
                    submit(sdk, users.get(i % users.size()), i, acknowledged, inHot);
                }
                long queuedOnVictim = acknowledged.entrySet().stream()
                        .filter(e -> onVictim.contains(e.getValue()) && inHot.get(e.getKey())).count();
                assertThat(queuedOnVictim).isPositive();

                AtomicBoolean running = new AtomicBoolean(true);
                AtomicInteger warmFallbacks = new AtomicInteger();
                AtomicInteger refused = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    int thread = t;
                    runs.add(pool.submit(() -> {
                        for (int i = thread; running.get(); i += 3) {
                            try {
                                if (!submit(sdk, users.get(i % users.size()), i, acknowledged, inHot)) {
                                    warmFallbacks.incrementAndGet();
                                }
                            } catch (RuntimeException e) {
                                refused.incrementAndGet();
                            }
                            pause(5);
                        }
                        return null;
                    }));
                }
                pause(300);
                long killedAt = System.nanoTime();
                cluster.kill(victim);
                runs.add(pool.submit(() -> {
                    while (running.get()) {
                        try {
                            sdk.sync().runOnce();
                        } catch (RuntimeException e) {
                            // a sync run that meets the failover: the next one retries
                        }
                        pause(50);
                    }
                    return null;
                }));
                cluster.awaitHealthy();
                long promotedMs = (System.nanoTime() - killedAt) / 1_000_000;
                long hotAgainMs = awaitHotSubmit(sdk, users, acknowledged, inHot, killedAt);
                pause(500);
                running.set(false);
                for (Future<?> run : runs) {
                    run.get(30, TimeUnit.SECONDS);
                }
                pool.shutdownNow();

                long deadline = System.currentTimeMillis() + 30_000;
                while ((sdk.sync().stats().queued() > 0 || cold.recordCount() < acknowledged.size())
                        && System.currentTimeMillis() < deadline) {
                    sdk.sync().runOnce();
                    pause(20);
                }
                Set<UUID> inWarm = warm.all().stream().map(TimeEntry::id).collect(Collectors.toSet());
                List<UUID> lost = acknowledged.keySet().stream().filter(id -> !inWarm.contains(id)).toList();
                System.out.printf("failover: %d acknowledged (%d into the warm store while Redis failed, %d refused),"
                                + " %d queued on the killed master beforehand; replica promoted after %d ms, submits"
                                + " in Redis again after %d ms; lost %d%n", acknowledged.size(), warmFallbacks.get(),
                        refused.get(), queuedOnVictim, promotedMs, hotAgainMs, lost.size());

                assertThat(refused).as("submits refused (hot and warm both failing)").hasValue(0);
                assertThat(lost).as("acknowledged entries missing from the warm store").isEmpty();
                assertThat(warm.all()).extracting(TimeEntry::id).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
                assertThat(cold.recordCount()).isEqualTo(acknowledged.size());
                assertThat(sdk.sync().stats().queued()).isZero();
                for (String user : users) {
                    LocalDate today = LocalDate.now(ZoneOffset.UTC);
                    assertThat(sdk.entries().list(user, today.minusDays(1), today)).extracting(TimeEntry::id)
                            .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acknowledged.entrySet()
                                    .stream().filter(e -> e.getValue().equals(user)).map(Map.Entry::getKey).toList());
                }
                sdk.close();
            }
        }
    }

    /** Answers whether the entry went into Redis (warm still pending) rather than straight to the warm store. */
    private static boolean submit(Roofworx sdk, String user, int i, Map<UUID, String> acknowledged,
                                  Map<UUID, Boolean> inHot) {
        TimeEntry entry = sdk.entries().submit(user,
                EntryDraft.of(PROJECT, LocalDate.now(ZoneOffset.UTC), 15 + i % 400)).entry();
        boolean hot = entry.warm().isPending();
        inHot.put(entry.id(), hot);
        acknowledged.put(entry.id(), user);
        return hot;
    }

    /** Milliseconds from the kill until a submit for a user of every master lands in Redis again. */
    private static long awaitHotSubmit(Roofworx sdk, List<String> users, Map<UUID, String> acknowledged,
                                       Map<UUID, Boolean> inHot, long killedAt) {
        long deadline = System.currentTimeMillis() + 30_000;
        int i = 0;
        while (System.currentTimeMillis() < deadline) {
            boolean all = true;
            for (String user : users) {
                all &= submit(sdk, user, i++, acknowledged, inHot);
            }
            if (all) {
                return (System.nanoTime() - killedAt) / 1_000_000;
            }
            pause(50);
        }
        throw new AssertionError("submits did not reach Redis again within 30 s of the failover");
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
