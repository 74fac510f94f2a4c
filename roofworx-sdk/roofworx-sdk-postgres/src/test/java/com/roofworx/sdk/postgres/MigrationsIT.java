package com.roofworx.sdk.postgres;

import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsIT {

    @Test
    void migratingAnEmptyDatabaseCreatesTheTableItsIndexesAndItsOwnHistory() throws SQLException {
        try (HikariDataSource ds = TestPostgres.emptyDataSource()) {
            assertThat(RoofworxMigrations.migrate(ds)).isEqualTo(2);

            assertThat(strings(ds, "SELECT indexname FROM pg_indexes WHERE schemaname = 'roofworx' AND tablename = 'time_entry' ORDER BY 1"))
                    .containsExactly("time_entry_cold_blocked_idx", "time_entry_cold_pending_idx",
                            "time_entry_owner_date_idx", "time_entry_pkey");
            assertThat(strings(ds, "SELECT version FROM roofworx.roofworx_schema_history WHERE success AND version IS NOT NULL"))
                    .containsExactly("1", "2");
            // nothing leaks into the embedder's schema
            assertThat(strings(ds, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).isEmpty();
        }
    }

    @Test
    void reRunningMigrationsAppliesNothingAndKeepsTheData() {
        try (HikariDataSource ds = TestPostgres.emptyDataSource()) {
            RoofworxMigrations.migrate(ds);
            PostgresWarmEntryStore store = new PostgresWarmEntryStore(ds);
            var entry = Entries.entry("ana@roofworx.test");
            store.upsert(List.of(entry));

            assertThat(RoofworxMigrations.migrate(ds)).isZero();
            assertThat(store.get(entry.owner(), entry.id())).contains(entry);
        }
    }

    @Test
    void migratesIntoAConfiguredSchemaBesideTheEmbeddersOwnTables() throws SQLException {
        try (HikariDataSource ds = TestPostgres.emptyDataSource()) {
            execute(ds, "CREATE TABLE public.invoices (id int PRIMARY KEY)");
            PostgresWarmStoreConfig config = PostgresWarmStoreConfig.builder().schema("public").build();

            assertThat(RoofworxMigrations.migrate(ds, config)).isEqualTo(2);

            PostgresWarmEntryStore store = new PostgresWarmEntryStore(ds, config);
            var entry = Entries.entry("ben@roofworx.test");
            assertThat(store.upsert(List.of(entry)).inserted()).containsExactly(entry.id());
            assertThat(strings(ds, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
                    .containsExactly("invoices", "roofworx_schema_history", "time_entry", "time_entry_history");
        }
    }

    static List<String> strings(DataSource ds, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
