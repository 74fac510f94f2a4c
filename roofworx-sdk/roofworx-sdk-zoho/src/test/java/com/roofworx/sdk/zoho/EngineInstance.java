package com.roofworx.sdk.zoho;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.PostgresWarmEntryStore;
import com.roofworx.sdk.redis.RedisAdapter;
import com.roofworx.sdk.redis.RedisAdapterConfig;
import com.roofworx.sdk.spi.Clock;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One SDK instance in its own JVM, as an app instance would run it: a Redis Cluster client, a PostgreSQL
 * pool and the Zoho CRM adapters (the Zoho token shared through Redis). It submits {@code entries} entries
 * round-robin for the given workers while syncing in a loop, and reports each acknowledged entry on stdout
 * ({@code ACK <id> <owner>}) before the next submit. {@code SUBMITTED} when done; it keeps syncing until a
 * line {@code STOP} (or the end of stdin), then closes and prints {@code STOPPED}.
 * <p>
 * Arguments: name, Redis seed URIs (comma-separated), JDBC URL, Zoho base URL, Redis key prefix, workers
 * (comma-separated), entries, project id.
 */
public final class EngineInstance {
    private EngineInstance() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        List<RedisURI> seeds = new ArrayList<>();
        for (String uri : args[1].split(",")) {
            seeds.add(RedisURI.create(uri));
        }
        String jdbcUrl = args[2];
        String zohoUrl = args[3];
        String prefix = args[4];
        List<String> workers = List.of(args[5].split(","));
        int entries = Integer.parseInt(args[6]);
        String project = args[7];
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);

        RedisAdapterConfig redisConfig = RedisAdapterConfig.builder().keyPrefix(prefix)
                .commandTimeout(Duration.ofMillis(500)).build();
        RedisClusterClient client = RedisClusterClient.create(seeds);
        client.setOptions(ClusterClientOptions.builder()
                .topologyRefreshOptions(RedisAdapter.clusterTopologyRefresh())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(redisConfig.commandTimeout())).build());
        RedisAdapter redis = RedisAdapter.using(client.connect(), redisConfig);
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(4);
        pool.setConnectionTimeout(2_000);
        HikariDataSource dataSource = new HikariDataSource(pool);
        ZohoCrm zoho = ZohoCrm.connect(ZohoConfig.builder().baseUrlOverride(zohoUrl)
                .clientId(com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator.CLIENT_ID)
                .clientSecret(com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator.CLIENT_SECRET)
                .refreshToken(com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator.REFRESH_TOKEN)
                .activeStages(Set.of("Closed Won")).connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5)).build(), redis.accessTokenCache(Clock.system()));
        Roofworx sdk = Roofworx.builder().projectSource(zoho.projectSource()).projectCache(redis.projectCache())
                .hotStore(redis.hotEntryStore(Clock.system())).warmStore(new PostgresWarmEntryStore(dataSource))
                .coldSink(zoho.coldEntrySink())
                .config(RoofworxConfig.builder().syncAfterSubmit(false).batchSize(20).lease(Duration.ofSeconds(3))
                        // A short linger: batches still form across the three instances, in test time.
                        .coldLinger(Duration.ofMillis(300))
                        .backoffInitial(Duration.ofMillis(200)).backoffMax(Duration.ofSeconds(1)).build())
                .build();
        out.println("READY " + name);

        AtomicBoolean syncing = new AtomicBoolean(true);
        Thread syncer = new Thread(() -> {
            while (syncing.get()) {
                try {
                    sdk.sync().runOnce();
                } catch (RuntimeException e) {
                    out.println("SYNC-FAILED " + e);
                }
                sleep(25);
            }
        }, name + "-sync");
        syncer.start();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < entries; i++) {
            String worker = workers.get(i % workers.size());
            TimeEntry entry = sdk.entries().submit(worker, EntryDraft.of(project, today, 15 + i % 400)
                    .withNotes(name + " #" + i)).entry();
            out.println("ACK " + entry.id() + " " + worker);
            sleep(10);
        }
        out.println("SUBMITTED " + name);

        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && !line.equals("STOP"); line = in.readLine()) {
                // wait for STOP
            }
        }
        syncing.set(false);
        syncer.join(10_000);
        sdk.close();
        zoho.close();
        redis.close();
        client.shutdown();
        dataSource.close();
        out.println("STOPPED " + name);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
