package com.roofworx.sdk.redis.internal;

/**
 * Scripts on the global queue keys ({@link RedisKeys#globalStep}: due, versions, blocked), all in the
 * {@code {q}} slot. See {@link DueIndex} for why the versions exist.
 */
public final class QueueScripts {

    private QueueScripts() {
    }

    /** ARGV user, dueMs. Moves the user's score earlier (never later) and bumps the user's version. */
    public static final Script TOUCH = Script.of("touch", """
            local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if (not score) or tonumber(ARGV[2]) < tonumber(score) then
              redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            end
            return redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
            """);

    /** ARGV nowMs, max. Returns {user, version, ...} of up to max users whose score is due. */
    public static final Script PICK = Script.of("pick", """
            local users = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            local out = {}
            for _, user in ipairs(users) do
              out[#out + 1] = user
              out[#out + 1] = redis.call('HGET', KEYS[2], user) or '0'
            end
            return out
            """);

    /**
     * ARGV user, version, nextScore. Sets the user's score to its queue's next score ('' = queue empty: remove),
     * but only when no touch happened since the pick that read {@code version}. Returns 1 when applied.
     */
    public static final Script SETTLE = Script.of("settle", """
            if (redis.call('HGET', KEYS[2], ARGV[1]) or '0') ~= ARGV[2] then return 0 end
            if ARGV[3] == '' then redis.call('ZREM', KEYS[1], ARGV[1])
            else redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1]) end
            return 1
            """);
}
