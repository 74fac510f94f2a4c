package com.roofworx.sdk.postgres;

import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.FailureKind;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole PostgreSQL server dies (every process SIGKILLed, as the OOM killer or a lost container does) while a
 * large upsert is half written; it restarts on the same data directory and port and recovers from its WAL. The
 * call must have thrown a transient failure, the half-written batch must be gone while earlier commits survive,
 * and the same store, on the same pool, must insert the whole batch exactly once on retry.
 * <p>
 * Its own server, so the crash disturbs no other test. To crash mid-batch without guessing at timings, another
 * transaction holds the batch's last id uncommitted: the batch's earlier chunks are written (in its own open
 * transaction), and its last chunk waits on that row's lock when the server is killed.
 */
class ServerCrashIT {

    private static final int ROWS = 5_000;
    private static final String OWNER = "crash@roofworx.test";

    @TempDir
    Path dataDirectory;
    private EmbeddedPostgres server;
    private HikariDataSource pool;

    @AfterEach
    void stop() throws IOException {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aServerKilledMidBatchKeepsCommittedRowsDropsTheBatchAndTheRetryInsertsItOnce() throws Exception {
        server = start(0);
        int port = server.getPort();
        pool = pool(port);
        RoofworxMigrations.migrate(pool);
        PostgresWarmEntryStore store = new PostgresWarmEntryStore(pool,
                PostgresWarmStoreConfig.builder().batchSize(500).build());
        List<TimeEntry> committed = Entries.batch(OWNER, 100);
        assertThat(store.upsert(committed).inserted()).hasSize(100);
        List<TimeEntry> batch = Entries.batch(OWNER, ROWS);

        try (Connection blocker = holdUncommitted(port, lastInDatabaseOrder(batch))) {
            CompletableFuture<?> upsert = CompletableFuture.runAsync(() -> store.upsert(batch));
            waitForBlockedInsert(port);
            killServer();

            assertThatThrownBy(() -> upsert.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(StoreUnavailableException.class).hasMessageContaining("upsert")
                    .satisfies(e -> assertThat(FailureKinds.of(e)).isEqualTo(FailureKind.TRANSIENT));
        }
        // releases the data directory (its "pg_ctl stop" finds no server and says so in the log)
        server.close();
        server = start(port);

        assertThat(storedIds(port)).as("rows after crash recovery")
                .isEqualTo(ids(committed));
        assertThat(store.upsert(batch).inserted()).isEqualTo(ids(batch));
        assertThat(store.upsert(batch).inserted()).isEmpty();
        assertThat(PostgresWarmEntryStoreIT.countIn(pool)).isEqualTo(ROWS + 100L);
    }

    private EmbeddedPostgres start(int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                // A killed process loses only what it had not handed to the kernel: commits must be written to
                // the WAL before they are acknowledged, but need not be flushed to the disk.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "off");
        return (port == 0 ? builder : builder.setPort(port)).start();
    }

    /** SIGKILL to the postmaster first (so it cannot restart its children), then to every process it had started. */
    private void killServer() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    private static HikariDataSource pool(int port) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(port));
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(5_000);
        config.setPoolName("crash");
        return new HikariDataSource(config);
    }

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    private static UUID lastInDatabaseOrder(List<TimeEntry> batch) {
        return batch.stream().map(TimeEntry::id).max(Comparator.comparing(UUID::toString)).orElseThrow();
    }

    private static Set<UUID> ids(List<TimeEntry> entries) {
        return entries.stream().map(TimeEntry::id).collect(Collectors.toSet());
    }

    private static Connection holdUncommitted(int port, UUID id) throws SQLException {
        Connection c = DriverManager.getConnection(url(port));
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO roofworx.time_entry "
                + "(id, owner, project_id, work_date, minutes, created_at, cold_status) "
                + "VALUES (?, 'blocker@roofworx.test', 'deal-1', DATE '2026-01-01', 1, now(), 'PENDING')")) {
            s.setObject(1, id);
            s.executeUpdate();
        }
        return c;
    }

    /** Polls (bounded) until the batch's last chunk waits on the held row's lock. */
    private static void waitForBlockedInsert(int port) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection c = DriverManager.getConnection(url(port));
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                     + "WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO \"roofworx\".time_entry%'")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the batch never waited on the held row");
    }

    private static Set<UUID> storedIds(int port) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(port));
             PreparedStatement s = c.prepareStatement("SELECT id FROM roofworx.time_entry");
             ResultSet rs = s.executeQuery()) {
            Set<UUID> ids = new HashSet<>();
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
            return ids;
        }
    }
}
