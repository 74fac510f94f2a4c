package com.roofworx.sdk.postgres;

import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.roofworx.sdk.spi.WarmEntryStore.UpsertResult;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two writers upserting overlapping batches at once (what two sync instances do after a lost lease): every
 * entry lands exactly once, each id is reported new by exactly one of them, and neither deadlocks, although
 * each sends its rows in a different order. Two claimers at once get different entries.
 */
class ConcurrencyIT {

    private static final String OWNER = "ana@roofworx.test";
    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = TestPostgres.migratedDataSource();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void empty() {
        TestPostgres.emptyTables(dataSource);
    }

    @Test
    void overlappingBatchesFromTwoThreadsLandOnceAndReportEachIdNewOnce() throws Exception {
        PostgresWarmEntryStore store = new PostgresWarmEntryStore(dataSource,
                PostgresWarmStoreConfig.builder().batchSize(250).build());
        Random random = new Random(42);
        Set<UUID> all = new HashSet<>();
        for (int round = 0; round < 5; round++) {
            List<TimeEntry> entries = Entries.batch(OWNER, 3_000);
            List<TimeEntry> first = new ArrayList<>(entries.subList(0, 2_000));
            List<TimeEntry> second = new ArrayList<>(entries.subList(1_000, 3_000));
            Collections.shuffle(first, random);
            Collections.shuffle(second, random);
            CyclicBarrier start = new CyclicBarrier(2);

            CompletableFuture<UpsertResult> a = CompletableFuture.supplyAsync(() -> upsertAfter(start, store, first));
            CompletableFuture<UpsertResult> b = CompletableFuture.supplyAsync(() -> upsertAfter(start, store, second));
            UpsertResult ra = a.get(60, TimeUnit.SECONDS);
            UpsertResult rb = b.get(60, TimeUnit.SECONDS);

            assertThat(ra.rejected()).isEmpty();
            assertThat(rb.rejected()).isEmpty();
            assertThat(ra.inserted()).doesNotContainAnyElementsOf(rb.inserted());
            Set<UUID> union = new HashSet<>(ra.inserted());
            union.addAll(rb.inserted());
            entries.forEach(e -> assertThat(union).contains(e.id()));
            assertThat(union).hasSize(3_000);
            all.addAll(union);
        }
        assertThat(PostgresWarmEntryStoreIT.countIn(dataSource)).isEqualTo(all.size()).isEqualTo(15_000);
        assertThat(store.range(OWNER, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).hasSize(15_000);
    }

    @Test
    void twoClaimersAtOnceNeverGetTheSameEntry() throws Exception {
        PostgresWarmEntryStore store = new PostgresWarmEntryStore(dataSource);
        store.upsert(Entries.batch(OWNER, 2_000));
        Instant now = Entries.T0.plusSeconds(10_000);
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<List<UUID>> a = CompletableFuture.supplyAsync(() -> claimAll(start, store, now));
        CompletableFuture<List<UUID>> b = CompletableFuture.supplyAsync(() -> claimAll(start, store, now));
        List<UUID> byA = a.get(60, TimeUnit.SECONDS);
        List<UUID> byB = b.get(60, TimeUnit.SECONDS);

        assertThat(byA).doesNotContainAnyElementsOf(byB).doesNotHaveDuplicates();
        assertThat(byB).doesNotHaveDuplicates();
        assertThat(byA.size() + byB.size()).isEqualTo(2_000);
    }

    /** Claims batches of 50 until nothing is left that is due at {@code now}. */
    private static List<UUID> claimAll(CyclicBarrier start, PostgresWarmEntryStore store, Instant now) {
        await(start);
        List<UUID> claimed = new ArrayList<>();
        List<TimeEntry> batch;
        do {
            batch = store.claimColdDue(now, Duration.ofMinutes(5), 50);
            batch.forEach(e -> claimed.add(e.id()));
        } while (!batch.isEmpty());
        return claimed;
    }

    private static void await(CyclicBarrier start) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other thread never started", e);
        }
    }

    private static UpsertResult upsertAfter(CyclicBarrier start, PostgresWarmEntryStore store, List<TimeEntry> rows) {
        await(start);
        return store.upsert(rows);
    }
}
