package com.roofworx.sdk.redis;

import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.HotEntryStore.Claim;
import com.roofworx.sdk.testkit.Entries;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two stores on two connections drain one queue: every entry is handed out and completed exactly once. The
 * second store keeps every script in one slot (the Redis Cluster mode), so both modes share one queue.
 */
class ConcurrentClaimersIT {
    private static final int ENTRIES = 10_000;
    private static final int USERS = 200;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final long DEADLINE_MS = 120_000;

    @Test
    @DisplayName("10,000 entries, two stores on two connections (one single-node, one slot-safe), two workers each: "
            + "each entry completed once")
    void eachEntryOnce() throws Exception {
        String prefix = RedisTestServer.freshPrefix();
        RedisAdapterConfig config = RedisAdapterConfig.builder().keyPrefix(prefix).build();
        try (RedisTestServer server = RedisTestServer.start();
             RedisAdapter first = server.adapter(config);
             RedisAdapter second = server.adapter(RedisAdapterConfig.from(config).singleSlotScripts(true).build())) {
            HotEntryStore one = first.hotEntryStore(Clock.system());
            HotEntryStore two = second.hotEntryStore(Clock.system());
            insertAll(one, two);

            Map<UUID, AtomicInteger> handedOut = new ConcurrentHashMap<>();
            Map<UUID, AtomicInteger> completed = new ConcurrentHashMap<>();
            ExecutorService workers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (HotEntryStore store : List.of(one, two, one, two)) {
                    runs.add(workers.submit(() -> drain(store, handedOut, completed)));
                }
                for (Future<?> run : runs) {
                    run.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
                }
            } finally {
                workers.shutdownNow();
            }

            assertThat(completed).hasSize(ENTRIES);
            assertThat(completed.values()).allMatch(count -> count.get() == 1);
            assertThat(handedOut.values()).allMatch(count -> count.get() == 1);
            assertThat(one.stats().queued()).isZero();
            assertThat(two.claim(Instant.now().plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
        }
    }

    private static void insertAll(HotEntryStore one, HotEntryStore two) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                HotEntryStore store = w % 2 == 0 ? one : two;
                writes.add(writers.submit(() -> {
                    for (int i = writer; i < ENTRIES; i += 4) {
                        store.insert(Entries.pending("worker" + (i % USERS) + "@example.com", "1001",
                                LocalDate.of(2026, 3, 9), Instant.now()));
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get(DEADLINE_MS, TimeUnit.MILLISECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    /** Claims and completes until a claim comes back empty. */
    private static Void drain(HotEntryStore store, Map<UUID, AtomicInteger> handedOut,
                              Map<UUID, AtomicInteger> completed) {
        while (true) {
            List<Claim> claims = store.claim(Instant.now(), LEASE, 50);
            if (claims.isEmpty()) {
                return null;
            }
            for (Claim claim : claims) {
                TimeEntry entry = claim.entry();
                handedOut.computeIfAbsent(entry.id(), id -> new AtomicInteger()).incrementAndGet();
                TimeEntry done = entry.withState(Destination.WARM, DestinationState.synced())
                        .withState(Destination.COLD, DestinationState.synced());
                if (store.complete(claim, done)) {
                    completed.computeIfAbsent(entry.id(), id -> new AtomicInteger()).incrementAndGet();
                }
            }
        }
    }
}
