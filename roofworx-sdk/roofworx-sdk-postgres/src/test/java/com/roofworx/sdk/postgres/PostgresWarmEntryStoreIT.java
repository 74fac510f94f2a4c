package com.roofworx.sdk.postgres;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.SyncStatus;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.roofworx.sdk.spi.WarmEntryStore.UpsertResult;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.roofworx.sdk.postgres.Entries.T0;
import static com.roofworx.sdk.postgres.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads, cold-state writes and idempotent upserts against a real PostgreSQL. */
class PostgresWarmEntryStoreIT {

    private static final String ANA = "ana@roofworx.test";
    private static HikariDataSource dataSource;
    private PostgresWarmEntryStore store;

    @BeforeAll
    static void database() {
        dataSource = TestPostgres.migratedDataSource();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void emptyStore() throws SQLException {
        MigrationsIT.execute(dataSource, "TRUNCATE roofworx.time_entry, roofworx.time_entry_history");
        store = new PostgresWarmEntryStore(dataSource, PostgresWarmStoreConfig.builder().batchSize(100).build());
    }

    @Test
    void aRetriedBatchInsertsNothingAndAnOverlappingOneOnlyItsNewIds() {
        List<TimeEntry> first = Entries.batch(ANA, 250);
        assertThat(store.upsert(first).inserted()).hasSize(250).containsAll(first.stream().map(TimeEntry::id).toList());

        assertThat(store.upsert(first)).isEqualTo(new UpsertResult(Set.of(), Map.of()));

        List<TimeEntry> overlapping = new ArrayList<>(first.subList(200, 250));
        TimeEntry fresh = entry(ANA);
        overlapping.add(fresh);
        assertThat(store.upsert(overlapping).inserted()).containsExactly(fresh.id());
        assertThat(count()).isEqualTo(251);
    }

    @Test
    void anIdAlreadyStoredKeepsItsFirstContent() {
        TimeEntry original = entry(ANA);
        store.upsert(List.of(original));

        UpsertResult retry = store.upsert(List.of(Entries.withMinutes(original, 480)));

        assertThat(retry.inserted()).isEmpty();
        assertThat(store.get(ANA, original.id())).contains(original);
    }

    @Test
    void anIdGivenTwiceInOneCallIsInsertedOnceFirstWins() {
        TimeEntry original = entry(ANA);
        UpsertResult result = store.upsert(List.of(original, Entries.withMinutes(original, 15)));

        assertThat(result.inserted()).containsExactly(original.id());
        assertThat(store.get(ANA, original.id())).contains(original);
    }

    @Test
    void getMissesForAnotherOwnersIdAndForAnUnknownId() {
        TimeEntry entry = entry(ANA);
        store.upsert(List.of(entry));

        assertThat(store.get("ben@roofworx.test", entry.id())).isEmpty();
        assertThat(store.get(ANA, UUID.randomUUID())).isEmpty();
    }

    @Test
    void entriesReadBackAreWarmSyncedWithInstantsToTheMicrosecond() {
        Instant nanos = Instant.parse("2026-03-02T07:30:00.123456789Z");
        TimeEntry pendingWarm = new TimeEntry(UUID.randomUUID(), ANA, "deal-1", LocalDate.of(2026, 3, 2), 60, null,
                null, nanos, DestinationState.pending(nanos), DestinationState.pending(nanos), null);

        store.upsert(List.of(pendingWarm));

        TimeEntry read = store.get(ANA, pendingWarm.id()).orElseThrow();
        assertThat(read.warm()).isEqualTo(DestinationState.synced());
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-03-02T07:30:00.123456Z"));
        assertThat(read.cold().nextAttemptAt()).isEqualTo(read.createdAt());
        assertThat(read.notes()).isNull();
        assertThat(read.taskType()).isNull();
    }

    @Test
    void rangeIsInclusiveOrderedByWorkDateThenCreatedAtAndOnlyTheOwners() {
        LocalDate day = LocalDate.of(2026, 2, 10);
        TimeEntry late = entry(ANA, day, T0.plusSeconds(60));
        TimeEntry early = entry(ANA, day, T0);
        TimeEntry next = entry(ANA, day.plusDays(1), T0.minusSeconds(3600));
        TimeEntry outside = entry(ANA, day.plusDays(2), T0);
        TimeEntry someoneElse = entry("ben@roofworx.test", day, T0);
        store.upsert(List.of(late, outside, next, someoneElse, early));

        assertThat(store.range(ANA, day, day.plusDays(1))).containsExactly(early, late, next);
        assertThat(store.range(ANA, day.plusDays(1), day)).isEmpty();
    }

    @Test
    void updateColdRecordsStateAndRecordIdInBatchesAndIgnoresUnknownIds() {
        List<TimeEntry> entries = Entries.batch(ANA, 230);
        store.upsert(entries);
        List<TimeEntry> updated = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            TimeEntry e = entries.get(i);
            updated.add(i % 2 == 0
                    ? e.withState(Destination.COLD, DestinationState.synced())
                    .withColdRecordId("zcrm_" + i)
                    : e.withState(Destination.COLD,
                    e.cold().failed("HTTP 429", T0.plusSeconds(600))));
        }
        updated.add(entry(ANA));

        store.updateCold(updated);

        for (TimeEntry expected : updated.subList(0, entries.size())) {
            assertThat(store.get(ANA, expected.id())).contains(expected);
        }
        assertThat(count()).isEqualTo(230);
    }

    @Test
    void updateColdKeepsTheLastStateGivenForAnId() {
        TimeEntry entry = entry(ANA);
        store.upsert(List.of(entry));
        TimeEntry blocked = entry.withState(Destination.COLD, entry.cold().blocked("bad"));

        store.updateCold(List.of(entry.withColdRecordId("first"), blocked));

        assertThat(store.get(ANA, entry.id())).contains(blocked);
    }

    @Test
    void claimColdDueLeasesDuePendingEntriesOldestFirst() {
        TimeEntry oldest = entry(ANA, LocalDate.of(2026, 3, 1), T0);
        TimeEntry middle = entry(ANA, LocalDate.of(2026, 3, 1), T0.plusSeconds(1));
        TimeEntry newest = entry(ANA, LocalDate.of(2026, 3, 1), T0.plusSeconds(2));
        TimeEntry notDue = withCold(entry(ANA, LocalDate.of(2026, 3, 1), T0.minusSeconds(5)),
                DestinationState.pending(T0).failed("later", T0.plusSeconds(3600)));
        TimeEntry synced = withCold(entry(ANA, LocalDate.of(2026, 3, 1), T0.minusSeconds(9)), DestinationState.synced());
        TimeEntry blocked = withCold(entry(ANA, LocalDate.of(2026, 3, 1), T0.minusSeconds(8)),
                DestinationState.pending(T0).blocked("rejected"));
        store.upsert(List.of(newest, synced, notDue, middle, blocked, oldest));
        Instant now = T0.plusSeconds(10);

        List<TimeEntry> first = store.claimColdDue(now, Duration.ofSeconds(30), 2);
        List<TimeEntry> second = store.claimColdDue(now, Duration.ofSeconds(30), 5);

        assertThat(first).extracting(TimeEntry::id).containsExactly(oldest.id(), middle.id());
        assertThat(first).containsExactly(oldest, middle);
        assertThat(second).extracting(TimeEntry::id).containsExactly(newest.id());
        assertThat(store.claimColdDue(now.plusSeconds(31), Duration.ofSeconds(30), 5)).extracting(TimeEntry::id)
                .containsExactly(oldest.id(), middle.id(), newest.id());
        assertThat(store.claimColdDue(now, Duration.ofSeconds(30), 0)).isEmpty();
    }

    @Test
    void coldBlockedListsBlockedEntriesOldestFirst() {
        TimeEntry later = withCold(entry(ANA, LocalDate.of(2026, 3, 1), T0.plusSeconds(5)),
                DestinationState.pending(T0).blocked("no such user"));
        TimeEntry earlier = withCold(entry(ANA, LocalDate.of(2026, 3, 4), T0), DestinationState.pending(T0).blocked("x"));
        store.upsert(List.of(later, entry(ANA), earlier));

        assertThat(store.coldBlocked(BlockedFilter.all(), null, 10)).containsExactly(earlier, later);
        assertThat(store.coldBlocked(BlockedFilter.all(), null, 1)).containsExactly(earlier);
        assertThat(store.coldBlocked(BlockedFilter.all(), null, 10))
                .allSatisfy(e -> assertThat(e.cold().status()).isEqualTo(SyncStatus.BLOCKED));
    }

    @Test
    void tenThousandEntriesLandInOneCall() {
        List<TimeEntry> entries = Entries.batch(ANA, 10_000);
        PostgresWarmEntryStore bigBatches = new PostgresWarmEntryStore(dataSource);

        assertThat(bigBatches.upsert(entries).inserted()).hasSize(10_000);
        assertThat(count()).isEqualTo(10_000);
        assertThat(bigBatches.upsert(entries).inserted()).isEmpty();
        assertThat(store.range(ANA, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1))).hasSize(28);
    }

    private static TimeEntry withCold(TimeEntry e, DestinationState cold) {
        return e.withState(Destination.COLD, cold);
    }

    static long count() {
        return countIn(dataSource);
    }

    static long countIn(DataSource ds) {
        try {
            return Long.parseLong(MigrationsIT.strings(ds, "SELECT count(*) FROM roofworx.time_entry").get(0));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
