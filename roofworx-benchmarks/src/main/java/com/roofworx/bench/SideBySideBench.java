package com.roofworx.bench;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.postgres.RoofworxMigrations;
import com.roofworx.sdk.redis.RedisAdapter;
import com.roofworx.sdk.redis.RedisTestServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDK beside its alternatives, in one JVM against one Redis and one PostgreSQL (durable commits) that it
 * starts itself: the SDK's submit, drain and lag; the floor under the submit (the insert script alone); Redisson's
 * write-behind map (with its 1 s delay and without); PostgreSQL alone (one INSERT per entry, and the batch upsert
 * that bounds the drain). Prints one table and one {@code RATIO <name> <value>} line per comparison. Asserts nothing.
 * <p>
 * Arguments: submits per thread (12,500) and seconds of paced load per lag run (10).
 */
public final class SideBySideBench {
    private static final int THREADS = 8;
    private static final int PACE = 2_000;

    private final List<Figure> table = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 12_500;
        int lagSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        new SideBySideBench().run(perThread, lagSeconds);
    }

    private void run(int perThread, int lagSeconds) throws Exception {
        try (RedisTestServer redisServer = RedisTestServer.start();
             EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                     .setServerConfig("synchronous_commit", "on").start();
             HikariDataSource postgres = pool(server);
             RedisAdapter redis = redisServer.adapter();
             RedisAdapter floorRedis = redisServer.adapter();
             RedissonWriteBehind redisson = new RedissonWriteBehind(redisServer.uri(), postgres)) {
            RoofworxMigrations.migrate(postgres);
            System.out.printf("Side by side: %d threads, %d workers, Redis on loopback, PostgreSQL %s (fsync and"
                    + " synchronous_commit on), cold sink in memory, %,d submits per closed-loop run%n",
                    THREADS, Entries.USERS, version(postgres), THREADS * perThread);
            SdkPipeline pipeline = new SdkPipeline(postgres);
            PostgresAlone alone = new PostgresAlone(postgres);
            Roofworx sdk = pipeline.queueing(redis);
            warmUp(pipeline, sdk, floorRedis, alone);

            Figure floor = add(RedisFloor.insert(floorRedis, THREADS, perThread));
            Figure submit = add(pipeline.submit(sdk, "Roofworx submit", THREADS, perThread, false));
            settle(postgres);
            Figure ceiling = add(alone.upsertCeiling(THREADS * perThread));
            settle(postgres);
            Figure drain = add(pipeline.drain(sdk, 1));
            add(pipeline.submit(sdk, "Roofworx submit, client ids", THREADS, perThread, true));
            settle(postgres);
            add(pipeline.drain(sdk, 2));
            sdk.close();
            Figure rsSubmit = add(redisson.submit(THREADS, perThread));
            Figure rsDrain = add(redisson.drain());
            Figure insert = add(alone.insert(THREADS, perThread / 2));
            Figure lag = add(pipeline.lag(redis, PACE, lagSeconds));
            Figure rsLag = add(redisson.lag(1_000, PACE, lagSeconds));
            Figure rsLagNoDelay = add(redisson.lag(0, PACE, lagSeconds));

            printTable();
            ratio("submit_vs_floor", submit.rate() / floor.rate());
            ratio("submit_p99_vs_floor", submit.p99() / floor.p99());
            ratio("submit_vs_redisson", submit.rate() / rsSubmit.rate());
            ratio("submit_vs_postgres_insert", submit.rate() / insert.rate());
            ratio("drain_vs_upsert_ceiling", drain.rate() / ceiling.rate());
            ratio("drain_vs_redisson", drain.rate() / rsDrain.rate());
            ratio("lag_p99_vs_redisson", lag.p99() / rsLag.p99());
            ratio("lag_p99_vs_redisson_nodelay", lag.p99() / rsLagNoDelay.p99());
        }
    }

    /**
     * JIT, pools, prepared statements and scripts, so that the first measured run is not the cold one: the submit
     * path keeps getting faster over its first ~200,000 calls.
     */
    private static void warmUp(SdkPipeline pipeline, Roofworx sdk, RedisAdapter redis, PostgresAlone alone)
            throws Exception {
        for (int round = 0; round < 3; round++) {
            RedisFloor.insert(redis, THREADS, 8_000);
            pipeline.submit(sdk, "warm-up", THREADS, 8_000, false);
            pipeline.drain(sdk, 1);
        }
        alone.insert(THREADS, 500);
        alone.upsertCeiling(10_000);
    }

    /**
     * Lets PostgreSQL finish the work the previous line left it (vacuum and statistics of the rows it wrote, dirty
     * pages), so that the next PostgreSQL-heavy line does not pay for it: the batch upsert and the drain each
     * start from the same settled database instead of from autovacuum running beside them.
     */
    private static void settle(HikariDataSource postgres) throws SQLException {
        try (Connection c = postgres.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE roofworx.time_entry, roofworx.time_entry_history");
            s.execute("CHECKPOINT");
        }
    }

    private Figure add(Figure figure) {
        table.add(figure);
        System.out.printf("  measured: %s%n", figure.name());
        return figure;
    }

    private void printTable() {
        System.out.printf("%n%-42s %12s %-10s %9s %9s %9s %9s  %s%n", "", "rate", "", "p50 ms", "p99 ms", "p99.9 ms",
                "max ms", "");
        for (Figure f : table) {
            Latency l = f.latency();
            System.out.printf("%-42s %12s %-10s %9s %9s %9s %9s  %s%n", f.name(),
                    Double.isNaN(f.rate()) ? "" : String.format("%,.0f", f.rate()), f.unit(),
                    ms(l, 50), ms(l, 99), ms(l, 99.9), l == null ? "" : String.format("%.2f", l.maxMs()), f.note());
        }
        System.out.println();
    }

    private static String ms(Latency latency, double percentile) {
        return latency == null ? "" : String.format("%.2f", latency.ms(percentile));
    }

    private static void ratio(String name, double value) {
        System.out.printf("RATIO %s %.2f%n", name, value);
    }

    private static HikariDataSource pool(EmbeddedPostgres server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(THREADS + 2);
        return new HikariDataSource(config);
    }

    private static String version(HikariDataSource postgres) throws Exception {
        try (Connection c = postgres.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }
}
