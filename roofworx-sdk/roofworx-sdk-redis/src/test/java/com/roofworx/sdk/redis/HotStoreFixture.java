package com.roofworx.sdk.redis;

import com.roofworx.sdk.redis.internal.RedisKeys;
import com.roofworx.sdk.testkit.TestClock;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One Redis for the test class, and per test a hot store under a fresh key prefix on a test clock, with the
 * raw commands to look at what it wrote: the common ground of the hot store's Redis-specific tests.
 */
abstract class HotStoreFixture {
    protected static SharedRedis redis;

    protected TestClock clock;
    protected RedisAdapterConfig config;
    protected RedisKeys keys;
    protected RedisHotEntryStore store;
    protected RedisCommands<String, String> raw;

    @BeforeAll
    static void startRedis() {
        redis = new SharedRedis();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void freshStore() {
        clock = new TestClock();
        config = RedisAdapterConfig.builder().keyPrefix(RedisTestServer.freshPrefix()).build();
        keys = new RedisKeys(config.keyPrefix());
        store = RedisAdapter.using(redis.connection, config).hotEntryStore(clock);
        raw = redis.connection.sync();
    }
}
