package com.roofworx.sdk.redis.internal;

/** The atomic step of the shared destination pauses ({@link RedisKeys#pauseStep}, the {@code {q}} slot). */
public final class PauseScripts {

    private PauseScripts() {
    }

    /**
     * ARGV destination, nowMs, nowSubMsNanos, untilField. When the destination is paused and its nextProbeAt
     * (the value's first field, {@link FieldCodec} instant: base-36 ms, then {@code .micros} or
     * {@code ,nanos}) is at or before now, replaces that field with untilField and returns 1; else 0.
     * Comparing milliseconds and the sub-millisecond part separately keeps it exact (a double holds the
     * milliseconds exactly, not nanoseconds since the epoch).
     */
    public static final Script TRY_PROBE = Script.of("try-probe", """
            local value = redis.call('HGET', KEYS[1], ARGV[1])
            if not value then return 0 end
            local head = string.match(value, '^[^|]*')
            local sign, ms, sep, sub = string.match(head, '^(%-?)([0-9a-z]+)([%.,]?)([0-9]*)$')
            if not ms then return redis.error_reply('unreadable pause of ' .. ARGV[1]) end
            local at = tonumber(ms, 36)
            if sign == '-' then at = -at end
            local atSub = 0
            if sep == '.' then atSub = tonumber(sub) * 1000 elseif sep == ',' then atSub = tonumber(sub) end
            local now = tonumber(ARGV[2])
            if at > now or (at == now and atSub > tonumber(ARGV[3])) then return 0 end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[4] .. string.sub(value, #head + 1))
            return 1
            """);

    /**
     * KEYS calls. ARGV add, ttlSeconds. Adds to the day's call count and makes sure the key outlives the day,
     * in one step so a count never stays without its expiry. Returns the new count.
     */
    public static final Script ADD_CALLS = Script.of("addCalls", """
            local total = redis.call('INCRBY', KEYS[1], ARGV[1])
            if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
            return total
            """);
}
