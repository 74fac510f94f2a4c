package com.roofworx.sdk.redis;

import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.redis.internal.RedisKeys;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.HotEntryStore.Claim;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bytes per hot entry: {@code MEMORY USAGE} of every key an entry owns or shares (entry string, its user's
 * by-date index and queue, the global due index), summed and divided by the entries, in two states: just
 * submitted (queued) and fully synced (off the queue, with its TTL). Also the INFO used_memory growth per
 * entry, which counts what MEMORY USAGE leaves out (the main dict's slot and the expires dict entry).
 */
final class RedisMemory {
    private static final int USERS = 200;
    private static final int PER_USER = 50;
    private static final long BUDGET = 250L * 1024 * 1024;

    private RedisMemory() {
    }

    static void report(RedisTestServer server, String benchPrefix) {
        RedisClient client = RedisClient.create(server.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> raw = connection.sync();
            raw.flushall();
            String prefix = RedisTestServer.freshPrefix();
            RedisKeys keys = new RedisKeys(prefix);
            HotEntryStore hot = RedisAdapter.using(connection, RedisAdapterConfig.builder().keyPrefix(prefix).build())
                    .hotEntryStore(Clock.system());
            long before = usedMemory(raw);
            List<TimeEntry> entries = new ArrayList<>();
            for (int i = 0; i < USERS * PER_USER; i++) {
                TimeEntry entry = RedisBench.entry(i);
                hot.insert(entry);
                entries.add(entry);
            }
            print("queued", raw, keys, entries, usedMemory(raw) - before);
            List<Claim> claims;
            while (!(claims = hot.claim(Instant.now(), Duration.ofMinutes(1), 500)).isEmpty()) {
                claims.forEach(claim -> hot.complete(claim, RedisBench.synced(claim)));
            }
            print("synced", raw, keys, entries, usedMemory(raw) - before);
            RedisAdapter.using(connection, RedisAdapterConfig.builder().keyPrefix(prefix).build()).projectCache()
                    .putUser("worker0@roofco.example", RedisBench.projects(), Duration.ofHours(1), Duration.ofDays(7));
            System.out.printf("memory projects: MEMORY USAGE of one user's list of %d projects = %d B%n",
                    RedisBench.projects().size(), usage(raw, keys.projects("worker0@roofco.example")));
        } finally {
            client.shutdown();
        }
    }

    private static void print(String state, RedisCommands<String, String> raw, RedisKeys keys,
                              List<TimeEntry> entries, long usedDelta) {
        long bytes = 0;
        Set<String> shared = new HashSet<>();
        for (TimeEntry entry : entries) {
            bytes += usage(raw, keys.entry(entry.owner(), entry.id()));
            shared.add(keys.byDate(entry.owner()));
            shared.add(keys.queue(entry.owner()));
            shared.add(keys.leases(entry.owner()));
        }
        shared.add(keys.due());
        shared.add(keys.dueVersions());
        for (String key : shared) {
            bytes += usage(raw, key);
        }
        long perEntry = bytes / entries.size();
        long perEntryUsed = usedDelta / entries.size();
        System.out.printf("memory %-6s MEMORY USAGE sum %,d B for %,d entries = %d B/entry (capacity of 250 MB: %,d); "
                        + "used_memory growth %d B/entry (capacity %,d)%n", state, bytes, entries.size(), perEntry,
                BUDGET / perEntry, perEntryUsed, BUDGET / Math.max(1, perEntryUsed));
    }

    private static long usage(RedisCommands<String, String> raw, String key) {
        Long bytes = raw.memoryUsage(key);
        return bytes == null ? 0 : bytes;
    }

    private static long usedMemory(RedisCommands<String, String> raw) {
        return Long.parseLong(raw.info("memory").lines().filter(l -> l.startsWith("used_memory:"))
                .findFirst().orElseThrow().substring("used_memory:".length()).trim());
    }

    static String info(RedisTestServer server, String section, String field) {
        RedisClient client = RedisClient.create(server.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().info(section).lines().filter(l -> l.startsWith(field + ":"))
                    .findFirst().map(l -> l.substring(field.length() + 1).trim()).orElse("?");
        } finally {
            client.shutdown();
        }
    }
}
