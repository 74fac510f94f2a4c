package com.roofworx.bench;

import com.roofworx.sdk.redis.RedisAdapter;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;

/**
 * The floor under the SDK's submit: the hot store's insert alone, which is one EVALSHA of the insert script on
 * the same key layout (entry string, user queue, date index, due index), with no validation, permission check or
 * events around it.
 */
final class RedisFloor {
    private RedisFloor() {
    }

    static Figure insert(RedisAdapter redis, int threads, int perThread) throws Exception {
        HotEntryStore hot = redis.hotEntryStore(Clock.system());
        return ClosedLoop.run("Lettuce EVALSHA, the insert script alone", "submits/s", threads, perThread,
                i -> hot.insert(Entries.entry(i)));
    }
}
