package com.roofworx.sdk.redis;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.memory.InMemoryColdEntrySink;
import com.roofworx.sdk.memory.InMemoryProjectSource;
import com.roofworx.sdk.memory.InMemoryWarmEntryStore;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.scenario.SyncInvariantScenario;
import com.roofworx.sdk.testkit.scenario.SyncInvariantScenario.Adapters;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDK engine with the Redis adapters in place of the in-memory ones. */
class RedisEngineIT {
    private static final String ANNA = "anna@example.com";

    @Test
    @DisplayName("the randomized sync invariants hold with Redis as the hot store")
    void invariants() {
        try (SharedRedis redis = new SharedRedis()) {
            new SyncInvariantScenario(clock -> new Adapters(redis.freshAdapter().hotEntryStore(clock),
                    new InMemoryWarmEntryStore())).runSeeds(1, 60, true);
        }
    }

    @Test
    @DisplayName("Redis restarted without persistence: synced entries stay readable, submits go on")
    void restartWithoutPersistence() {
        TestClock clock = new TestClock();
        InMemoryWarmEntryStore warm = new InMemoryWarmEntryStore();
        InMemoryColdEntrySink cold = new InMemoryColdEntrySink();
        List<RoofworxEvent.EntrySubmitted> submitted = new CopyOnWriteArrayList<>();
        try (RedisTestServer server = RedisTestServer.start(); RedisAdapter redis = server.adapter()) {
            Roofworx sdk = Roofworx.builder()
                    .projectSource(new InMemoryProjectSource().put(Project.of("1001", "Maple St")).assign(ANNA, "1001"))
                    .projectCache(redis.projectCache()).hotStore(redis.hotEntryStore(clock))
                    .warmStore(warm).coldSink(cold).clock(clock)
                    .config(RoofworxConfig.builder().syncAfterSubmit(false).coldLinger(Duration.ZERO).build())
                    .listener(com.roofworx.sdk.event.RoofworxEventListener.on(RoofworxEvent.EntrySubmitted.class,
                            submitted::add))
                    .build();
            List<TimeEntry> before = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                before.add(sdk.entries().submit(ANNA, EntryDraft.of("1001", clock.today(), 60 + i)).entry());
            }
            sdk.sync().runOnce();

            server.crash();
            TimeEntry whileDown = sdk.entries().submit(ANNA, EntryDraft.of("1001", clock.today(), 30)).entry();
            assertThat(submitted.get(submitted.size() - 1).storedIn()).isEqualTo(RoofworxEvent.Tier.WARM);
            server.startAgain();

            List<TimeEntry> all = new ArrayList<>(before);
            all.add(whileDown);
            all.addAll(submitUntilHot(sdk, clock));
            List<TimeEntry> listed = sdk.entries().list(ANNA, clock.today(), clock.today());
            assertThat(listed).extracting(TimeEntry::id)
                    .containsExactlyInAnyOrderElementsOf(all.stream().map(TimeEntry::id).toList());
            sdk.sync().runOnce();
            assertThat(cold.recordCount()).isEqualTo(all.size());
            assertThat(warm.all()).hasSize(all.size());
            sdk.close();
        }
    }

    /**
     * The client reconnects on its own; the first submits after the restart may still fall back to warm.
     * Answers every entry submitted, the last one stored in Redis.
     */
    private static List<TimeEntry> submitUntilHot(Roofworx sdk, TestClock clock) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<TimeEntry> submitted = new ArrayList<>();
        TimeEntry entry;
        do {
            entry = sdk.entries().submit(ANNA, EntryDraft.of("1001", clock.today(), 45)).entry();
            submitted.add(entry);
            if (entry.warm().isPending()) {
                return submitted;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no submit landed in Redis within 10 s of the restart");
    }
}
