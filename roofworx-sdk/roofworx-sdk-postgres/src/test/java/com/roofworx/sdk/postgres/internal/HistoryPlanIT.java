package com.roofworx.sdk.postgres.internal;

import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.PostgresWarmEntryStore;
import com.roofworx.sdk.postgres.RoofworxMigrations;
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan of the history insert on a table that has grown without statistics (a new deployment before
 * autovacuum's ANALYZE): each batch must look owners up by primary key, never scan the whole table.
 */
class HistoryPlanIT {

    @Test
    @DisplayName("the history insert reads each entry's owner by primary key, even on a large table without statistics")
    void ownersByPrimaryKey() throws SQLException {
        try (HikariDataSource ds = TestPostgres.emptyDataSource()) {
            RoofworxMigrations.migrate(ds);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE roofworx.time_entry SET (autovacuum_enabled = false)");
            }
            PostgresWarmEntryStore store = new PostgresWarmEntryStore(ds);
            for (int b = 0; b < 60; b++) {
                store.upsert(batch(1_000));
            }
            String plan = plan(ds, batch(1_000));
            assertThat(plan).as(plan).doesNotContain("Seq Scan on time_entry ")
                    .contains("Index Scan using time_entry_pkey on time_entry");
        }
    }

    private static String plan(HikariDataSource ds, List<TimeEntry> rows) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("EXPLAIN " + new EntrySql("roofworx").history)) {
            EntryRows.bindHistory(c, s, rows);
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
            return out.toString();
        }
    }

    private static List<TimeEntry> batch(int n) {
        List<TimeEntry> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TimeEntry e = TimeEntry.accepted(UUID.randomUUID(), "worker" + i % 50 + "@roofworx.test",
                    EntryDraft.of("1001", LocalDate.of(2026, 11, 30), 60).withNotes("Ridge cap"), Instant.now());
            rows.add(e.withState(Destination.WARM, DestinationState.synced()));
        }
        return rows;
    }
}
