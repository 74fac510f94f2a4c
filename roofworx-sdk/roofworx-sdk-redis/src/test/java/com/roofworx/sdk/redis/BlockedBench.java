package com.roofworx.sdk.redis;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.redis.internal.RedisKeys;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The blocked list at scale: 100,000 entries the warm store refused, paged through in pages of 1,000, looked
 * up by id, and the bytes the list's two keys take per listed entry. Run by {@link RedisBench}.
 */
final class BlockedBench {
    private static final int BLOCKED = 100_000;
    private static final int PAGE = 1_000;
    private static final int LOOKUPS = 1_000;
    private static final int THREADS = 8;

    private BlockedBench() {
    }

    static void report(RedisTestServer server) throws Exception {
        RedisClient client = RedisClient.create(server.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String prefix = RedisTestServer.freshPrefix();
            RedisKeys keys = new RedisKeys(prefix);
            HotEntryStore hot = RedisAdapter.using(connection, RedisAdapterConfig.builder().keyPrefix(prefix).build())
                    .hotEntryStore(Clock.system());
            List<UUID> ids = fill(hot);
            long started = System.nanoTime();
            int pages = 0;
            int seen = 0;
            BlockedPosition after = null;
            List<TimeEntry> page;
            do {
                page = hot.blocked(BlockedFilter.all(), after, PAGE);
                pages++;
                seen += page.size();
                if (!page.isEmpty()) {
                    after = BlockedPosition.of(page.get(page.size() - 1));
                }
            } while (page.size() == PAGE);
            double pagingMs = (System.nanoTime() - started) / 1e6;
            started = System.nanoTime();
            for (int i = 0; i < LOOKUPS; i++) {
                hot.blockedEntry(i % 2 == 0 ? ids.get(i * 97 % ids.size()) : UUID.randomUUID());
            }
            double lookupMs = (System.nanoTime() - started) / 1e6 / LOOKUPS;
            RedisCommands<String, String> raw = connection.sync();
            long zset = raw.memoryUsage(keys.blocked());
            long hash = raw.memoryUsage(keys.blockedOwners());
            System.out.printf("blocked list: %,d entries paged in %d pages of %,d in %.0f ms (%.1f ms/page); "
                            + "blockedEntry %.3f ms (half misses)%n", seen, pages, PAGE, pagingMs, pagingMs / pages,
                    lookupMs);
            System.out.printf("blocked list memory: zset %d B/entry, id->owner hash %d B/entry (MEMORY USAGE)%n",
                    zset / BLOCKED, hash / BLOCKED);
        } finally {
            client.shutdown();
        }
    }

    private static List<UUID> fill(HotEntryStore hot) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<UUID>>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    List<UUID> own = new ArrayList<>();
                    for (int i = thread; i < BLOCKED; i += THREADS) {
                        TimeEntry e = RedisBench.entry(i);
                        hot.insert(e.withState(Destination.WARM, e.warm().blocked("INVALID_DATA: refused")));
                        own.add(e.id());
                    }
                    return own;
                }));
            }
            List<UUID> all = new ArrayList<>();
            for (Future<List<UUID>> run : runs) {
                all.addAll(run.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
