package com.roofworx.sdk.postgres.internal;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.PostgresWarmEntryStore;
import com.roofworx.sdk.postgres.PostgresWarmStoreConfig;
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Prints the plans of the store's two read queries (one owner's range; the cold-due claim) over a realistic
 * table: 200,000 entries of 100 workers over two years, almost all synced to the cold sink. Not a test.
 * <p>
 * Run from the repository root: {@code mvn -B -q -pl roofworx-sdk/roofworx-sdk-postgres -am test-compile exec:java
 * -Dexec.skip -Dexec.mainClass=com.roofworx.sdk.postgres.internal.SchemaPlans -Dexec.classpathScope=test}
 */
public final class SchemaPlans {

    private static final int ENTRIES = 200_000;
    private static final Instant START = Instant.parse("2024-03-01T07:00:00Z");

    private SchemaPlans() {
    }

    public static void main(String[] args) throws SQLException {
        try {
            print();
        } finally {
            TestPostgres.stop();
        }
    }

    private static void print() throws SQLException {
        try (HikariDataSource ds = TestPostgres.migratedDataSource()) {
            seed(new PostgresWarmEntryStore(ds));
            EntrySql sql = new EntrySql(PostgresWarmStoreConfig.DEFAULT_SCHEMA);
            try (Connection c = ds.getConnection()) {
                c.createStatement().execute("ANALYZE roofworx.time_entry");
                Instant now = START.plusSeconds(730L * 86_400);
                System.out.println("-- range(owner, from, to): worker7, 31 days a year back");
                explain(c, sql.range, "worker7@roofworx.test", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
                System.out.println("-- claimColdDue(now, lease, 100)");
                c.setAutoCommit(false); // EXPLAIN ANALYZE runs the UPDATE: undo it afterwards
                explain(c, sql.claimColdDue, now.atOffset(ZoneOffset.UTC), 100,
                        now.plusSeconds(60).atOffset(ZoneOffset.UTC));
                c.rollback();
                System.out.println("-- coldBlocked(all, null, 100)");
                explain(c, new BlockedQueries(null, PostgresWarmStoreConfig.DEFAULT_SCHEMA)
                        .pageSql(new BlockedSql(BlockedFilter.all(), null)), 100);
                c.rollback();
            }
        }
    }

    private static void seed(PostgresWarmEntryStore store) {
        Random random = new Random(7);
        List<TimeEntry> batch = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            Instant created = START.plusSeconds(i * 315L); // two years, oldest first
            double roll = random.nextDouble();
            DestinationState cold = roll < 0.99 ? DestinationState.synced()
                    : roll < 0.998 ? DestinationState.pending(created).failed("HTTP 429", created.plusSeconds(60))
                    : DestinationState.pending(created).blocked("INVALID_DATA");
            if (i >= ENTRIES - 500) {
                cold = DestinationState.pending(created); // the newest few are not synced yet
            }
            batch.add(new TimeEntry(UUID.randomUUID(), "worker" + random.nextInt(100) + "@roofworx.test",
                    "deal-" + random.nextInt(400), LocalDate.ofInstant(created, ZoneOffset.UTC), 30 + random.nextInt(450),
                    "Replaced flashing along the north ridge", "Repair", created, DestinationState.synced(), cold,
                    cold.isSynced() ? "zcrm_" + i : null));
            if (batch.size() == 1_000) {
                store.upsert(batch);
                batch.clear();
            }
        }
        store.upsert(batch);
    }

    private static void explain(Connection c, String query, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, SUMMARY OFF) " + query)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    System.out.println(rs.getString(1));
                }
            }
        }
        System.out.println();
    }
}
