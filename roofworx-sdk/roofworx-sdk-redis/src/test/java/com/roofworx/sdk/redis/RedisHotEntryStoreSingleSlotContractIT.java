package com.roofworx.sdk.redis;

import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.contract.HotEntryStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract again with every script in one slot, the way the store runs on Redis Cluster. */
class RedisHotEntryStoreSingleSlotContractIT extends HotEntryStoreContract {
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
    protected HotEntryStore newStore(TestClock clock) {
        return redis.freshSingleSlotAdapter().hotEntryStore(clock);
    }
}
