package com.roofworx.sdk.redis;

import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.testkit.Entries;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis is killed (SIGKILL) while entries are being submitted, then started again. With AOF and
 * {@code appendfsync always}, every insert that returned must be there afterwards, and the same adapter
 * (the client reconnects by itself) must carry on.
 */
class RedisRestartIT {
    private static final String OWNER = "anna@example.com";
    private static final long DEADLINE_MS = 30_000;

    @Test
    @DisplayName("no acknowledged entry is lost across a crash with AOF, and the client reconnects")
    void survivesCrash() throws Exception {
        try (RedisTestServer server = RedisTestServer.startWithAof();
             RedisAdapter adapter = server.adapter(RedisAdapterConfig.builder()
                     .keyPrefix(RedisTestServer.freshPrefix()).commandTimeout(Duration.ofSeconds(1)).build())) {
            HotEntryStore store = adapter.hotEntryStore(Clock.system());
            List<TimeEntry> acknowledged = new CopyOnWriteArrayList<>();
            AtomicInteger failures = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                while (running.get()) {
                    TimeEntry entry = Entries.pending(OWNER, "1001", LocalDate.of(2026, 3, 9), Instant.now());
                    try {
                        store.insert(entry);
                        acknowledged.add(entry);
                    } catch (RuntimeException e) {
                        failures.incrementAndGet(); // outcome unknown: may or may not be stored
                    }
                }
            }, "submitter");
            writer.start();
            try {
                awaitCount(acknowledged, 300);
                server.crash();
                int beforeRestart = acknowledged.size();
                server.startAgain();
                awaitCount(acknowledged, beforeRestart + 300);
            } finally {
                running.set(false);
                writer.join(DEADLINE_MS);
            }

            assertThat(failures.get()).as("inserts refused while Redis was down").isPositive();
            for (TimeEntry entry : acknowledged) {
                assertThat(store.get(OWNER, entry.id())).as("acknowledged entry %s", entry.id()).contains(entry);
            }
            assertThat(store.stats().queued()).isGreaterThanOrEqualTo(acknowledged.size());
        }
    }

    private static void awaitCount(List<?> list, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (list.size() < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("only " + list.size() + " of " + count + " inserts acknowledged in time");
            }
            Thread.sleep(5); // bounded poll on the writer's progress
        }
    }
}
