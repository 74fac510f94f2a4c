package com.roofworx.sdk.redis.internal;

/**
 * Scripts on the blocked list ({@link RedisKeys#blockedStep}: the zset and the id-to-owner hash), both in the
 * {@code {q}} slot, so the two never disagree about which entries are listed.
 */
public final class BlockedScripts {

    private BlockedScripts() {
    }

    /** ARGV createdAtMs, member, id, owner. Lists one entry. */
    public static final Script BLOCK = Script.of("block", """
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
            return 1
            """);

    /** ARGV member, id, member, id... Takes entries off the list. Returns how many were listed. */
    public static final Script UNBLOCK = Script.of("unblock", """
            local removed = 0
            for i = 1, #ARGV, 2 do
              removed = removed + redis.call('ZREM', KEYS[1], ARGV[i])
              redis.call('HDEL', KEYS[2], ARGV[i + 1])
            end
            return removed
            """);

    /**
     * ARGV min, max (ZRANGEBYSCORE bounds), count. Returns {member, score, ...}: up to count members from min,
     * and then every further member of the last score. Members of one millisecond are not in (created-at, id)
     * order, so a chunk must end on a score boundary for the caller to sort it and continue after that score.
     */
    public static final Script SCAN = Script.of("scan-blocked", """
            local count = tonumber(ARGV[3])
            local out = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[2], 'WITHSCORES', 'LIMIT', 0, count)
            if #out < 2 * count then return out end
            local last = out[#out]
            local seen = 0
            for i = #out, 2, -2 do
              if out[i] ~= last then break end
              seen = seen + 1
            end
            local rest = redis.call('ZRANGEBYSCORE', KEYS[1], last, last, 'WITHSCORES', 'LIMIT', seen, -1)
            for _, v in ipairs(rest) do out[#out + 1] = v end
            return out
            """);
}
