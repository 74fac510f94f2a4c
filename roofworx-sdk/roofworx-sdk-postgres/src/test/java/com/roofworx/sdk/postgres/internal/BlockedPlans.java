package com.roofworx.sdk.postgres.internal;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
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
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The cold-blocked queries at scale: 100,000 blocked entries (90 % INVALID_DATA, 9 % UNKNOWN_WORKER, 1 %
 * RARE_CODE, 100 workers) among 100,000 synced ones. Prints the plans of a page (first, deep, by code, by owner),
 * the count and the owner lookup, then times {@code ownerOf} (10,000 calls) and {@code replayColdBlocked} of all
 * 100,000. Not a test.
 * <p>
 * Run from the repository root: {@code mvn -B -q -pl roofworx-sdk/roofworx-sdk-postgres -am test-compile exec:java
 * -Dexec.skip -Dexec.mainClass=com.roofworx.sdk.postgres.internal.BlockedPlans -Dexec.classpathScope=test}
 */
public final class BlockedPlans {

    private static final int BLOCKED = 100_000;
    private static final Instant START = Instant.parse("2025-03-01T07:00:00Z");
    private static final String SCHEMA = PostgresWarmStoreConfig.DEFAULT_SCHEMA;

    private BlockedPlans() {
    }

    public static void main(String[] args) throws SQLException {
        try {
            run();
        } finally {
            TestPostgres.stop();
        }
    }

    private static void run() throws SQLException {
        try (HikariDataSource ds = TestPostgres.migratedDataSource()) {
            PostgresWarmEntryStore store = new PostgresWarmEntryStore(ds);
            List<UUID> ids = seed(store);
            BlockedQueries queries = new BlockedQueries(null, SCHEMA);
            try (Connection c = ds.getConnection()) {
                c.createStatement().execute("ANALYZE " + SCHEMA + ".time_entry");
                BlockedPosition deep = BlockedPosition.of(store.coldBlocked(BlockedFilter.all(), null, 50_001).get(50_000));
                page(c, queries, "coldBlocked(all, null, 100)", BlockedFilter.all(), null);
                page(c, queries, "coldBlocked(all, after the 50,000th, 100)", BlockedFilter.all(), deep);
                page(c, queries, "coldBlocked(errorCode RARE_CODE, null, 100): 1 % of the blocked rows",
                        BlockedFilter.all().errorCode("RARE_CODE"), null);
                page(c, queries, "coldBlocked(owner worker7, created in one month, null, 100)",
                        BlockedFilter.all().owner("worker7@roofworx.test")
                                .created(START.plusSeconds(30L * 86_400), START.plusSeconds(60L * 86_400)), null);
                System.out.println("-- coldBlockedCount()");
                explain(c, "SELECT count(*) FROM \"" + SCHEMA + "\".time_entry WHERE cold_status = 'BLOCKED'");
                System.out.println("-- ownerOf(id)");
                explain(c, "SELECT owner FROM \"" + SCHEMA + "\".time_entry WHERE id = ?", ids.get(12_345));
            }
            timeOwnerOf(store, ids);
            long t = System.nanoTime();
            int replayed = store.replayColdBlocked(BlockedFilter.all(), START.plusSeconds(400L * 86_400));
            System.out.printf("replayColdBlocked(all): %,d rows in %.2f s%n", replayed, (System.nanoTime() - t) / 1e9);
        }
    }

    private static void page(Connection c, BlockedQueries queries, String title, BlockedFilter filter,
                             BlockedPosition after) throws SQLException {
        System.out.println("-- " + title);
        BlockedSql where = new BlockedSql(filter, after);
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, SUMMARY OFF) "
                + queries.pageSql(where))) {
            s.setInt(where.bind(s, 1), 100);
            print(s);
        }
    }

    private static void timeOwnerOf(PostgresWarmEntryStore store, List<UUID> ids) {
        for (int i = 0; i < 2_000; i++) {
            store.ownerOf(ids.get(i)); // warm-up: JIT, pool, prepared statement
        }
        long[] micros = new long[10_000];
        Random random = new Random(3);
        for (int i = 0; i < micros.length; i++) {
            UUID id = ids.get(random.nextInt(ids.size()));
            long t = System.nanoTime();
            store.ownerOf(id).orElseThrow();
            micros[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("ownerOf: %,d calls, p50 %d us, p99 %d us, mean %.0f us (pooled connection, loopback)%n",
                micros.length, micros[micros.length / 2], micros[(int) (micros.length * 0.99)],
                Arrays.stream(micros).average().orElseThrow());
    }

    private static List<UUID> seed(PostgresWarmEntryStore store) {
        Random random = new Random(7);
        List<UUID> ids = new ArrayList<>();
        List<TimeEntry> batch = new ArrayList<>();
        for (int i = 0; i < 2 * BLOCKED; i++) {
            Instant created = START.plusSeconds(i * 150L); // about a year, oldest first
            DestinationState cold = DestinationState.synced();
            if (i % 2 == 0) {
                double roll = random.nextDouble();
                String code = roll < 0.9 ? "INVALID_DATA" : roll < 0.99 ? "UNKNOWN_WORKER" : "RARE_CODE";
                cold = DestinationState.pending(created).blocked(DestinationState.refusal(code, "refused by the CRM"));
            }
            TimeEntry e = new TimeEntry(UUID.randomUUID(), "worker" + random.nextInt(100) + "@roofworx.test",
                    "deal-" + random.nextInt(400), LocalDate.ofInstant(created, ZoneOffset.UTC), 30 + random.nextInt(450),
                    "Replaced flashing along the north ridge", "Repair", created, DestinationState.synced(), cold, null);
            ids.add(e.id());
            batch.add(e);
            if (batch.size() == 1_000) {
                store.upsert(batch);
                batch.clear();
            }
        }
        store.upsert(batch);
        return ids;
    }

    private static void explain(Connection c, String query, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, SUMMARY OFF) " + query)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            print(s);
        }
    }

    private static void print(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                System.out.println(rs.getString(1));
            }
        }
        System.out.println();
    }
}
