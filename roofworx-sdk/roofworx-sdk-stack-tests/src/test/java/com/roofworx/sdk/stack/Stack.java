package com.roofworx.sdk.stack;

import com.roofworx.sdk.redis.RedisAdapter;
import com.roofworx.sdk.redis.RedisAdapterConfig;
import com.roofworx.sdk.redis.RedisTestServer;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import com.roofworx.sdk.zoho.ZohoConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** What the stack tests share: one Redis for the JVM, the Zoho configuration, and reads of what each tier holds. */
final class Stack {
    private static RedisTestServer redis;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    private Stack() {
    }

    /** An adapter on the shared Redis with a key prefix of its own, so it starts empty. */
    static synchronized RedisAdapter freshRedis() {
        if (redis == null) {
            redis = RedisTestServer.start();
            client = RedisClient.create(redis.uri());
            connection = client.connect();
            Runtime.getRuntime().addShutdownHook(new Thread(Stack::stopRedis, "stack-redis-stop"));
        }
        return RedisAdapter.using(connection, RedisAdapterConfig.builder().keyPrefix(RedisTestServer.freshPrefix()).build());
    }

    private static synchronized void stopRedis() {
        connection.close();
        client.shutdown();
        redis.close();
    }

    static ZohoConfig zohoConfig(ZohoCrmSimulator simulator) {
        return ZohoConfig.builder()
                .baseUrlOverride(simulator.baseUrl())
                .clientId(ZohoCrmSimulator.CLIENT_ID)
                .clientSecret(ZohoCrmSimulator.CLIENT_SECRET)
                .refreshToken(ZohoCrmSimulator.REFRESH_TOKEN)
                .activeStages(Set.of("Closed Won"))
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The simulator's Time_Entries records holding {@code entryId} in Entry_UUID. */
    static List<JsonObject> timeEntryRecords(ZohoCrmSimulator simulator, UUID entryId) {
        String id = entryId.toString();
        return simulator.records(ZohoCrmSimulator.TIME_ENTRIES).stream()
                .filter(r -> r.get(ZohoCrmSimulator.ENTRY_UUID) instanceof JsonString s && s.getString().equals(id))
                .toList();
    }

    /** Time_Entries records per Entry_UUID. */
    static Map<UUID, Integer> timeEntryCounts(ZohoCrmSimulator simulator) {
        Map<UUID, Integer> counts = new HashMap<>();
        for (JsonObject record : simulator.records(ZohoCrmSimulator.TIME_ENTRIES)) {
            counts.merge(UUID.fromString(record.getString(ZohoCrmSimulator.ENTRY_UUID)), 1, Integer::sum);
        }
        return counts;
    }

    /** PostgreSQL rows per entry id. */
    static Map<UUID, Integer> warmRowCounts(DataSource dataSource) {
        Map<UUID, Integer> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, count(*) FROM roofworx.time_entry GROUP BY id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count warm rows: " + e.getMessage(), e);
        }
        return counts;
    }
}
