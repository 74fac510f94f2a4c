package com.roofworx.sdk.zoho;

import com.roofworx.sdk.postgres.PostgresWarmStoreConfig;
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.roofworx.sdk.redis.RedisAdapter;
import com.roofworx.sdk.redis.RedisAdapterConfig;
import com.roofworx.sdk.redis.RedisTestCluster;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.testkit.zoho.CallCounters;
import com.roofworx.sdk.testkit.zoho.DuplicateCheck;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three SDK instances, each in its own JVM ({@link EngineInstance}), share one Redis Cluster (3 masters, a
 * replica each), one PostgreSQL and the Zoho CRM simulator. They submit for the same workers and sync at the
 * same time; one is killed with SIGKILL while its batches are in flight (Zoho slowed down for a moment). At the
 * end every acknowledged entry is in PostgreSQL and in the simulator exactly once, nothing is left queued or
 * pending, and the Zoho token was minted once for all instances.
 */
class EngineInstancesIT {
    private static final int INSTANCES = 3;
    private static final int ENTRIES_EACH = 120;
    private static final long DEADLINE_MS = 90_000;

    @Test
    @DisplayName("3 instances in 3 JVMs, one killed -9 mid-batch: every entry in PostgreSQL and Zoho once, "
            + "one token mint")
    void threeInstancesOneKilled() throws Exception {
        try (RedisTestCluster cluster = RedisTestCluster.start();
             HikariDataSource postgres = TestPostgres.migratedDataSource();
             ZohoCrmSimulator zoho = ZohoCrmSimulator.start().duplicateCheck(DuplicateCheck.REQUESTED_ONLY)) {
            List<String> workers = new ArrayList<>();
            String deal = zoho.addDeal("Maple St re-roof", "Closed Won", "Hendricks Family", "12 Maple St");
            for (int i = 0; i < 6; i++) {
                String email = "roofer-" + Integer.toHexString(i * 0x9E3779B1) + "@example.com";
                zoho.assign(deal, zoho.addUser(email, "Roofer " + i).id());
                workers.add(email);
            }
            String prefix = "inst" + System.nanoTime() % 100_000 + ":";
            String seeds = cluster.ports().stream().map(p -> "redis://127.0.0.1:" + p)
                    .collect(Collectors.joining(","));
            Path logs = Files.createTempDirectory("roofworx-instances-");
            Map<UUID, String> acknowledged = new ConcurrentHashMap<>();
            List<Instance> instances = new ArrayList<>();
            try {
                for (int n = 0; n < INSTANCES; n++) {
                    instances.add(new Instance("instance-" + n, List.of(seeds, postgres.getJdbcUrl(),
                            zoho.baseUrl(), prefix, String.join(",", workers), Integer.toString(ENTRIES_EACH), deal),
                            logs, acknowledged));
                }
                Instance victim = instances.get(1);
                awaitTrue(() -> victim.acks.get() >= ENTRIES_EACH / 3, "the victim acknowledged a third");
                zoho.faults().slowNext(3, Duration.ofMillis(1500));
                Thread.sleep(300);
                victim.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                int victimAcks = victim.acks.get();

                for (Instance survivor : List.of(instances.get(0), instances.get(2))) {
                    assertThat(survivor.submitted.await(DEADLINE_MS, TimeUnit.MILLISECONDS))
                            .as(survivor.name + " submitted everything; log: " + survivor.log()).isTrue();
                }
                try (RedisAdapter redis = RedisAdapter.using(cluster.connect(),
                        RedisAdapterConfig.builder().keyPrefix(prefix).singleSlotScripts(true).build())) {
                    HotEntryStore hot = redis.hotEntryStore(Clock.system());
                    awaitTrue(() -> settled(postgres, zoho, hot, acknowledged), "every entry synced everywhere");
                }
                for (Instance survivor : List.of(instances.get(0), instances.get(2))) {
                    survivor.stop();
                }

                Map<UUID, String> rows = rows(postgres);
                Map<String, Long> zohoByEntry = zoho.records(ZohoCrmSimulator.TIME_ENTRIES).stream()
                        .collect(Collectors.groupingBy(r -> r.getString(ZohoCrmSimulator.ENTRY_UUID),
                                Collectors.counting()));
                CallCounters calls = zoho.counters();
                System.out.printf("instances: %d acknowledged (victim %d before the kill), %d rows in PostgreSQL,"
                                + " %d records in Zoho; Zoho calls: %d token mints, %d upsert calls, %d searches,"
                                + " %d record reads, %d user reads%n", acknowledged.size(), victimAcks, rows.size(),
                        zohoByEntry.size(), calls.tokensMinted(), calls.upsertRequests(), calls.searches(),
                        calls.recordReads(), calls.userReads());

                assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(2 * ENTRIES_EACH + victimAcks);
                assertThat(rows.keySet()).containsAll(acknowledged.keySet());
                assertThat(rows.values()).as("cold status of every row").containsOnly("SYNCED");
                assertThat(zohoByEntry.values()).as("Zoho records per entry").containsOnly(1L);
                assertThat(zohoByEntry.keySet())
                        .containsExactlyInAnyOrderElementsOf(rows.keySet().stream().map(UUID::toString).toList());
                assertThat(calls.tokensMinted()).as("token mints across all instances (lifetime 1 h)")
                        .isLessThanOrEqualTo(1);
            } finally {
                instances.forEach(Instance::kill);
            }
        }
    }

    private static boolean settled(HikariDataSource postgres, ZohoCrmSimulator zoho, HotEntryStore hot,
                                   Map<UUID, String> acknowledged) {
        Map<UUID, String> rows = rows(postgres);
        return rows.keySet().containsAll(acknowledged.keySet())
                && rows.values().stream().allMatch("SYNCED"::equals)
                && zoho.records(ZohoCrmSimulator.TIME_ENTRIES).size() >= rows.size()
                && hot.stats().queued() == 0;
    }

    /** Entry id → cold status of every row. */
    private static Map<UUID, String> rows(HikariDataSource postgres) {
        Map<UUID, String> rows = new HashMap<>();
        try (Connection c = postgres.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, cold_status FROM "
                     + PostgresWarmStoreConfig.DEFAULT_SCHEMA + ".time_entry")) {
            while (rs.next()) {
                rows.put(rs.getObject(1, UUID.class), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + DEADLINE_MS + " ms: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** A child JVM running {@link EngineInstance}; its ACK lines are collected as they come. */
    private static final class Instance {
        final String name;
        final Process process;
        final Path log;
        final AtomicInteger acks = new AtomicInteger();
        final CountDownLatch submitted = new CountDownLatch(1);

        Instance(String name, List<String> args, Path logs, Map<UUID, String> acknowledged) throws IOException {
            this.name = name;
            this.log = logs.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx192m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), EngineInstance.class.getName(), name));
            command.addAll(args);
            process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            Thread reader = new Thread(() -> read(acknowledged), name + "-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(Map<UUID, String> acknowledged) {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("ACK ")) {
                        String[] f = line.split(" ");
                        acknowledged.put(UUID.fromString(f[1]), f[2]);
                        acks.incrementAndGet();
                    } else if (line.startsWith("SUBMITTED")) {
                        submitted.countDown();
                    }
                }
            } catch (IOException e) {
                // the process died: what it acknowledged so far is recorded
            }
        }

        void stop() throws IOException, InterruptedException {
            try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                in.write("STOP\n");
            }
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(name + " stopped; log: " + log()).isTrue();
        }

        void kill() {
            process.destroyForcibly();
        }

        String log() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return "(no log)";
            }
        }
    }
}
