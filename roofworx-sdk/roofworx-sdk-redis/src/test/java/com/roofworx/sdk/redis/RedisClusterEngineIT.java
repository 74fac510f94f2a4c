package com.roofworx.sdk.redis;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.memory.InMemoryColdEntrySink;
import com.roofworx.sdk.memory.InMemoryProjectSource;
import com.roofworx.sdk.memory.InMemoryWarmEntryStore;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.HotEntryStore.Claim;
import com.roofworx.sdk.testkit.Entries;
import com.roofworx.sdk.testkit.scenario.SyncInvariantScenario;
import com.roofworx.sdk.testkit.scenario.SyncInvariantScenario.Adapters;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK engine on a real Redis Cluster (3 masters, a replica each): the randomized invariants, two engines
 * sharing the cluster, and the due-index sweep across slots (users on every master, all their work claimed).
 */
class RedisClusterEngineIT {
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static RedisTestCluster cluster;
    private static StatefulRedisClusterConnection<String, String> connection;

    @BeforeAll
    static void startCluster() {
        cluster = RedisTestCluster.start();
        connection = cluster.connect();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static RedisAdapter freshAdapter(String prefix) {
        return RedisAdapter.using(connection,
                RedisAdapterConfig.builder().keyPrefix(prefix).singleSlotScripts(true).build());
    }

    @Test
    @DisplayName("the randomized sync invariants hold with a Redis Cluster as the hot store (20 seeds + 1 fresh)")
    void invariants() {
        new SyncInvariantScenario(clock -> new Adapters(
                freshAdapter(RedisTestServer.freshPrefix()).hotEntryStore(clock), new InMemoryWarmEntryStore()))
                .runSeeds(1, 20, true);
    }

    @Test
    @DisplayName("users on every master: one claim sweep across slots hands out every entry exactly once")
    void claimSweepsEverySlot() {
        String prefix = RedisTestServer.freshPrefix();
        HotEntryStore hot = freshAdapter(prefix).hotEntryStore(Clock.system());
        List<String> users = users(60);
        assertThat(mastersOf(prefix, users)).as("masters holding the users' queues")
                .containsExactlyInAnyOrderElementsOf(cluster.masterPorts());
        Set<UUID> inserted = insert(hot, users, 5);

        assertThat(drain(hot, Instant.now(), 7)).containsExactlyInAnyOrderElementsOf(inserted);
        assertThat(hot.stats().queued()).isZero();
    }

    @Test
    @DisplayName("due index lost (its updates never arrived): the idle sweep re-announces users on every master")
    void idleSweepFindsQueuesOnEveryMaster() {
        String prefix = RedisTestServer.freshPrefix();
        HotEntryStore hot = freshAdapter(prefix).hotEntryStore(Clock.system());
        List<String> users = users(45);
        Set<UUID> inserted = insert(hot, users, 4);
        // As if every pipelined index update after an insert had been lost with its connection.
        connection.sync().del(prefix + "{q}:due");
        assertThat(connection.sync().zcard(prefix + "{q}:due")).isZero();

        assertThat(drain(hot, Instant.now(), 10)).containsExactlyInAnyOrderElementsOf(inserted);
    }

    @Test
    @DisplayName("two SDK engines on their own cluster connections, concurrent submits and syncs: every entry "
            + "in the warm store and the cold sink once, queue empty")
    void twoEngines() throws Exception {
        String prefix = RedisTestServer.freshPrefix();
        RedisAdapterConfig config = RedisAdapterConfig.builder().keyPrefix(prefix).singleSlotScripts(true).build();
        InMemoryWarmEntryStore warm = new InMemoryWarmEntryStore();
        InMemoryColdEntrySink cold = new InMemoryColdEntrySink();
        List<String> users = users(24);
        assertThat(mastersOf(prefix, users)).containsExactlyInAnyOrderElementsOf(cluster.masterPorts());
        InMemoryProjectSource source = new InMemoryProjectSource().put(Project.of("1001", "Maple St re-roof"));
        users.forEach(user -> source.assign(user, "1001"));
        try (RedisAdapter first = cluster.adapter(config); RedisAdapter second = cluster.adapter(config)) {
            List<Roofworx> engines = new ArrayList<>();
            for (RedisAdapter redis : List.of(first, second)) {
                engines.add(Roofworx.builder().projectSource(source).projectCache(redis.projectCache())
                        .hotStore(redis.hotEntryStore(Clock.system())).warmStore(warm).coldSink(cold)
                        .config(RoofworxConfig.builder().batchSize(20).lease(Duration.ofSeconds(30)).coldLinger(Duration.ZERO).build())
                        .build());
            }
            Map<UUID, String> submitted = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    runs.add(pool.submit(() -> {
                        Roofworx sdk = engines.get(thread % 2);
                        for (int i = thread; i < users.size() * 10; i += 4) {
                            String user = users.get(i % users.size());
                            TimeEntry e = sdk.entries().submit(user,
                                    EntryDraft.of("1001", LocalDate.now(java.time.ZoneOffset.UTC), 30 + i % 200))
                                    .entry();
                            submitted.put(e.id(), user);
                        }
                        return null;
                    }));
                }
                for (int t = 0; t < 2; t++) {
                    Roofworx sdk = engines.get(t);
                    runs.add(pool.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            sdk.sync().runOnce();
                        }
                        return null;
                    }));
                }
                for (Future<?> run : runs) {
                    run.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            long deadline = System.currentTimeMillis() + 30_000;
            while ((engines.get(0).sync().stats().queued() > 0 || cold.recordCount() < submitted.size())
                    && System.currentTimeMillis() < deadline) {
                engines.get(0).sync().runOnce();
                engines.get(1).sync().runOnce();
            }
            assertThat(submitted).hasSize(users.size() * 10);
            assertThat(warm.all()).extracting(TimeEntry::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(submitted.keySet());
            assertThat(cold.recordCount()).isEqualTo(submitted.size());
            submitted.keySet().forEach(id -> assertThat(cold.record(id)).as("cold record of " + id).isPresent());
            assertThat(engines.get(1).sync().stats().queued()).isZero();
            engines.forEach(Roofworx::close);
        }
    }

    /**
     * Names that spread over the slots: "roofer" + i alone would not (CRC16 is linear, so names differing in a
     * digit or two can all land in two masters' ranges).
     */
    static List<String> users(int count) {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add("roofer-" + Integer.toHexString(i * 0x9E3779B1) + "@example.com");
        }
        return users;
    }

    /** The masters serving the users' queue keys. */
    static Set<Integer> mastersOf(String prefix, List<String> users) {
        Set<Integer> masters = new HashSet<>();
        users.forEach(user -> masters.add(cluster.masterPortOf(prefix + "{" + user + "}:q")));
        return masters;
    }

    private static Set<UUID> insert(HotEntryStore hot, List<String> users, int perUser) {
        Set<UUID> ids = new HashSet<>();
        Instant now = Instant.now().minusSeconds(1);
        for (String user : users) {
            for (int i = 0; i < perUser; i++) {
                ids.add(hot.insert(Entries.pending(user, "1001", LocalDate.of(2026, 3, 9), now)).entry().id());
            }
        }
        return ids;
    }

    /** Claims in batches of {@code max} until a claim comes back empty; fails on an entry handed out twice. */
    private static List<UUID> drain(HotEntryStore hot, Instant now, int max) {
        List<UUID> claimed = new ArrayList<>();
        Map<UUID, Integer> times = new HashMap<>();
        for (List<Claim> batch = hot.claim(now, LEASE, max); !batch.isEmpty(); batch = hot.claim(now, LEASE, max)) {
            for (Claim claim : batch) {
                claimed.add(claim.entry().id());
                times.merge(claim.entry().id(), 1, Integer::sum);
                assertThat(hot.complete(claim, claim.entry().withState(com.roofworx.sdk.model.Destination.WARM,
                        com.roofworx.sdk.model.DestinationState.synced()))).isTrue();
            }
        }
        assertThat(times.values()).allMatch(n -> n == 1);
        return claimed;
    }
}
