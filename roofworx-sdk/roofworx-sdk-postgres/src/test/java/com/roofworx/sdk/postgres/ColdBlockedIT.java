package com.roofworx.sdk.postgres;

import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.SyncStatus;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.roofworx.sdk.postgres.Entries.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the kit does not pin down about cold-blocked entries: ties, sub-microsecond bounds, codes with "_". */
class ColdBlockedIT {

    private static final String ANA = "ana@roofworx.test";
    private static final String BEN = "ben@roofworx.test";
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
    void emptyStore() {
        TestPostgres.emptyTables(dataSource);
        store = new PostgresWarmEntryStore(dataSource);
    }

    @Test
    void pagesThroughEntriesCreatedInTheSameMicrosecondEachOnce() {
        List<UUID> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stored.add(blocked(ANA, T0, "INVALID_DATA").id());
        }
        List<UUID> seen = new ArrayList<>();
        BlockedPosition after = null;
        for (List<TimeEntry> page = store.coldBlocked(BlockedFilter.all(), null, 3); !page.isEmpty();
             page = store.coldBlocked(BlockedFilter.all(), after, 3)) {
            page.forEach(e -> seen.add(e.id()));
            after = BlockedPosition.of(page.get(page.size() - 1));
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void boundsAndPositionsBetweenMicrosecondsKeepTheirMeaning() {
        TimeEntry at = blocked(ANA, T0, "INVALID_DATA");
        TimeEntry next = blocked(ANA, T0.plusNanos(1_000), "INVALID_DATA");
        Instant between = T0.plusNanos(500);

        assertThat(ids(store.coldBlocked(BlockedFilter.all().created(between, null), null, 10))).containsExactly(next.id());
        assertThat(ids(store.coldBlocked(BlockedFilter.all().created(null, between), null, 10))).containsExactly(at.id());
        assertThat(ids(store.coldBlocked(BlockedFilter.all(), new BlockedPosition(between, UUID.randomUUID()), 10)))
                .containsExactly(next.id());
    }

    @Test
    void anErrorCodeMatchesOnlyItselfNotAsAPattern() {
        TimeEntry invalid = blocked(ANA, T0, "INVALID_DATA");
        blocked(ANA, T0, "INVALIDXDATA");
        blocked(ANA, T0, "INVALID_DATA_2");
        TimeEntry freeText = withCold(Entries.entry(ANA), DestinationState.pending(T0).blocked("INVALID_DATA"));
        store.upsert(List.of(freeText));

        assertThat(ids(store.coldBlocked(BlockedFilter.all().errorCode("INVALID_DATA"), null, 10)))
                .containsExactly(invalid.id());
        assertThat(store.replayColdBlocked(BlockedFilter.all().errorCode("INVALID_DATA"), T0)).isEqualTo(1);
    }

    @Test
    void replayTouchesOnlyMatchingBlockedEntriesAndKeepsTheirLastError() {
        TimeEntry anas = blocked(ANA, T0, "UNKNOWN_WORKER");
        TimeEntry bens = blocked(BEN, T0, "UNKNOWN_WORKER");
        TimeEntry pending = withCold(Entries.entry(ANA), DestinationState.pending(T0).failed("HTTP 503", T0.plusSeconds(60)));
        store.upsert(List.of(pending));
        Instant now = T0.plusSeconds(600);

        assertThat(store.replayColdBlocked(BlockedFilter.all().owner(ANA), now)).isEqualTo(1);

        DestinationState replayed = store.get(ANA, anas.id()).orElseThrow().cold();
        assertThat(replayed).isEqualTo(new DestinationState(SyncStatus.PENDING, 0, anas.cold().lastError(), now));
        assertThat(store.coldBlockedEntry(bens.id())).isPresent();
        assertThat(store.get(ANA, pending.id())).contains(pending);
        assertThat(store.coldBlockedCount()).isEqualTo(1);
        assertThat(store.replayColdBlocked(BlockedFilter.all().destination(Destination.WARM), now)).isZero();
        assertThat(store.coldBlockedCount()).isEqualTo(1);
    }

    @Test
    void refusesNullArgumentsAndANegativeLimitNamingTheField() {
        assertField(() -> store.coldBlocked(null, null, 10), "filter");
        assertField(() -> store.coldBlocked(BlockedFilter.all(), null, -1), "limit");
        assertField(() -> store.replayColdBlocked(null, T0), "filter");
        assertField(() -> store.replayColdBlocked(BlockedFilter.all(), null), "now");
        assertField(() -> store.coldBlockedEntry(null), "id");
        assertField(() -> store.ownerOf(null), "id");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
    }

    private TimeEntry blocked(String owner, Instant createdAt, String code) {
        TimeEntry e = Entries.entry(owner, createdAt.atZone(java.time.ZoneOffset.UTC).toLocalDate(), createdAt);
        TimeEntry blocked = withCold(e, e.cold().blocked(DestinationState.refusal(code, "refused")));
        store.upsert(List.of(blocked));
        return store.coldBlockedEntry(blocked.id()).orElseThrow();
    }

    private static TimeEntry withCold(TimeEntry e, DestinationState cold) {
        return e.withState(Destination.COLD, cold);
    }

    private static List<UUID> ids(List<TimeEntry> entries) {
        return entries.stream().map(TimeEntry::id).toList();
    }
}
