package com.roofworx.sdk.postgres;

import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.roofworx.sdk.spi.FailureKind;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.ServerSocket;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Real failures carry the kind the engine reads: PERMANENT when an operator must act (schema missing, no grant),
 * TRANSIENT when waiting can help (server not listening, pool exhausted). Statement timeouts and killed
 * connections are checked in {@link ConnectionFailureIT}, a killed server in {@link ServerCrashIT}.
 */
class FailureKindIT {

    @Test
    void aDatabaseWithoutTheSchemaIsPermanent() {
        try (HikariDataSource empty = TestPostgres.emptyDataSource()) {
            Throwable failure = catchThrowable(() -> new PostgresWarmEntryStore(empty).ownerOf(UUID.randomUUID()));

            assertThat(failure).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("ownerOf");
            assertThat(FailureKinds.of(failure)).isEqualTo(FailureKind.PERMANENT);
            assertThat(((PostgresStoreException) failure.getCause()).sqlState()).isEqualTo("42P01");
        }
    }

    @Test
    void aRoleWithoutGrantsIsPermanent() {
        try (HikariDataSource migrated = TestPostgres.migratedDataSource()) {
            TestPostgres.admin("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'no_grants') "
                    + "THEN CREATE ROLE no_grants LOGIN; END IF; END $$");
            PGSimpleDataSource asNoGrants = new PGSimpleDataSource();
            asNoGrants.setURL(migrated.getJdbcUrl());
            asNoGrants.setUser("no_grants");

            Throwable failure = catchThrowable(() -> new PostgresWarmEntryStore(asNoGrants).coldBlockedCount());

            assertThat(failure).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("permission denied");
            assertThat(FailureKinds.of(failure)).isEqualTo(FailureKind.PERMANENT);
            assertThat(((PostgresStoreException) failure.getCause()).sqlState()).isEqualTo("42501");
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://localhost:" + closedPort + "/postgres?user=postgres&connectTimeout=2");

        Throwable failure = catchThrowable(() -> new PostgresWarmEntryStore(nowhere).upsert(
                List.of(Entries.entry("dee@roofworx.test"))));

        assertThat(failure).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("upsert");
        assertThat(FailureKinds.of(failure)).isEqualTo(FailureKind.TRANSIENT);
        assertThat(((PostgresStoreException) failure.getCause()).sqlState()).isEqualTo("08001");
    }

    @Test
    void anExhaustedPoolIsTransient() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestPostgres.jdbcUrl("postgres"));
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250); // HikariCP's minimum
        try (HikariDataSource one = new HikariDataSource(config); Connection held = one.getConnection()) {
            Throwable failure = catchThrowable(() -> new PostgresWarmEntryStore(one)
                    .coldBlocked(BlockedFilter.all(), null, 10));

            assertThat(failure).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("Connection is not available");
            assertThat(FailureKinds.of(failure)).isEqualTo(FailureKind.TRANSIENT);
            assertThat(held.isValid(1)).isTrue();
        }
    }
}
