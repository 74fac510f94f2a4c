package com.roofworx.sdk.redis;

import com.roofworx.sdk.spi.ProjectCache;
import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.contract.ProjectCacheContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class RedisProjectCacheContractIT extends ProjectCacheContract {
    private static SharedRedis redis;

    @BeforeAll
    static void startRedis() {
        redis = new SharedRedis();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    protected ProjectCache newCache(TestClock clock) {
        return redis.freshAdapter().projectCache(clock);
    }
}
