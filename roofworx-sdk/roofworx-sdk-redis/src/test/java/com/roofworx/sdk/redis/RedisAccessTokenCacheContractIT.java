package com.roofworx.sdk.redis;

import com.roofworx.sdk.spi.AccessTokenCache;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.testkit.contract.AccessTokenCacheContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class RedisAccessTokenCacheContractIT extends AccessTokenCacheContract {
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
    protected AccessTokenCache newCache() {
        return redis.freshAdapter().accessTokenCache(Clock.system());
    }
}
