package com.roofworx.sdk.postgres;

import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.roofworx.sdk.spi.FailureKind;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch whose connection dies, or whose statement is cancelled, part-way leaves nothing behind. To stop it
 * part-way without guessing at timings, another transaction holds one id of the batch's last chunk, uncommitted:
 * the earlier chunks are written (in the batch's transaction), and the last one waits on that row's lock.
 */
class ConnectionFailureIT {

    private static final LocalDate ALL_FROM = LocalDate.of(2000, 1, 1);
    private static final LocalDate ALL_TO = LocalDate.of(2100, 1, 1);
    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = TestPostgres.migratedDataSource();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void aConnectionKilledMidBatchLeavesNothingHalfWrittenAndTheRetryLandsAll() throws Exception {
        PostgresWarmEntryStore store = store(PostgresWarmStoreConfig.DEFAULT_STATEMENT_TIMEOUT);
        List<TimeEntry> batch = Entries.batch("ana@roofworx.test", 300);

        try (Connection blocker = holdUncommitted(lastInDatabaseOrder(batch))) {
            CompletableFuture<?> upsert = CompletableFuture.runAsync(() -> store.upsert(batch));
            int pid = waitForBlockedInsert();
            TestPostgres.admin("SELECT pg_terminate_backend(" + pid + ")");

            assertThatThrownBy(() -> upsert.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StoreUnavailableException.class).hasMessageContaining("upsert")
                    .satisfies(e -> assertThat(FailureKinds.of(e)).isEqualTo(FailureKind.TRANSIENT));
            blocker.rollback();
        }

        assertThat(store.range("ana@roofworx.test", ALL_FROM, ALL_TO)).isEmpty();
        assertThat(store.upsert(batch).inserted()).hasSize(300);
    }

    @Test
    void aStatementOverItsTimeLimitIsCancelledAndNothingIsWritten() throws Exception {
        PostgresWarmEntryStore store = store(Duration.ofSeconds(1));
        List<TimeEntry> batch = Entries.batch("ben@roofworx.test", 300);

        try (Connection blocker = holdUncommitted(lastInDatabaseOrder(batch))) {
            assertThatThrownBy(() -> store.upsert(batch)).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("warm failed during upsert").hasMessageContaining("cancel")
                    .satisfies(e -> assertThat(FailureKinds.of(e)).isEqualTo(FailureKind.TRANSIENT));
            blocker.rollback();
        }
        assertThat(store.range("ben@roofworx.test", ALL_FROM, ALL_TO)).isEmpty();
    }

    @Test
    void aDatabaseWithoutTheSchemaFailsEveryCallNamingTheOperation() {
        try (HikariDataSource empty = TestPostgres.emptyDataSource()) {
            PostgresWarmEntryStore store = new PostgresWarmEntryStore(empty);

            assertThatThrownBy(() -> store.upsert(List.of(Entries.entry("cy@roofworx.test"))))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("during upsert")
                    .hasMessageContaining("time_entry");
            assertThatThrownBy(() -> store.claimColdDue(Instant.now(), Duration.ofSeconds(5), 10))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("during claimColdDue")
                    .satisfies(e -> assertThat(FailureKinds.of(e)).isEqualTo(FailureKind.PERMANENT));
            assertThat(((StoreUnavailableException) catchFailure(store)).store()).isEqualTo("warm");
        }
    }

    private static Throwable catchFailure(PostgresWarmEntryStore store) {
        try {
            store.coldBlockedCount();
            return null;
        } catch (StoreUnavailableException e) {
            return e;
        }
    }

    private static PostgresWarmEntryStore store(Duration timeout) {
        return new PostgresWarmEntryStore(dataSource,
                PostgresWarmStoreConfig.builder().batchSize(100).statementTimeout(timeout).build());
    }

    /** The id the batch writes last: the store sends rows in PostgreSQL's uuid order, which is the text order. */
    private static UUID lastInDatabaseOrder(List<TimeEntry> batch) {
        return batch.stream().map(TimeEntry::id).max(Comparator.comparing(UUID::toString)).orElseThrow();
    }

    private static Connection holdUncommitted(UUID id) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO roofworx.time_entry "
                + "(id, owner, project_id, work_date, minutes, created_at, cold_status) "
                + "VALUES (?, 'blocker@roofworx.test', 'deal-1', DATE '2026-01-01', 1, now(), 'PENDING')")) {
            s.setObject(1, id);
            s.executeUpdate();
        }
        return c;
    }

    /** Polls (bounded) until the batch's insert waits on the held row's lock; answers its backend pid. */
    private static int waitForBlockedInsert() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<String> pids = MigrationsIT.strings(dataSource, "SELECT pid FROM pg_stat_activity "
                    + "WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO \"roofworx\".time_entry%'");
            if (!pids.isEmpty()) {
                return Integer.parseInt(pids.get(0));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the batch never waited on the held row");
    }
}
