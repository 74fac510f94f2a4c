package com.roofworx.sdk.redis.internal;

/**
 * The hot store's atomic steps. Per-user scripts get {@link RedisKeys#entryStep} or {@link RedisKeys#queueStep}
 * as KEYS and reach an entry as {@code base .. id}, a key in the same hash slot as their KEYS.
 * Empty-string arguments mean "none" (no due time: off the queue; no TTL: never expires).
 */
public final class HotScripts {

    private HotScripts() {
    }

    /**
     * KEYS entry, byDate, queue, leases [, due, dueVersions]. ARGV value, id, epochDay, dueMs, ttlMs, cutoffDay,
     * base, trimLimit, owner. Returns the stored value on a duplicate, nil when it wrote. Also drops index
     * members older than the cutoff whose entry is gone (expired); members of entries that still exist stay.
     * With the two global keys (single-node Redis only: they are in another slot) it also does the due-index
     * touch of {@link QueueScripts#TOUCH}, saving the second command of a submit.
     */
    public static final Script INSERT = Script.of("insert", """
            local old = redis.call('GET', KEYS[1])
            if old then return old end
            if ARGV[5] ~= '' then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[5])
            else
              redis.call('SET', KEYS[1], ARGV[1])
            end
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
            if ARGV[4] ~= '' then redis.call('ZADD', KEYS[3], ARGV[4], ARGV[2]) end
            local stale = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[6], 'LIMIT', 0, tonumber(ARGV[8]))
            for _, member in ipairs(stale) do
              if redis.call('EXISTS', ARGV[7] .. member) == 0 then redis.call('ZREM', KEYS[2], member) end
            end
            if KEYS[6] and ARGV[4] ~= '' then
              local score = redis.call('ZSCORE', KEYS[5], ARGV[9])
              if (not score) or tonumber(ARGV[4]) < tonumber(score) then
                redis.call('ZADD', KEYS[5], ARGV[4], ARGV[9])
              end
              redis.call('HINCRBY', KEYS[6], ARGV[9], 1)
            end
            return false
            """);

    /**
     * Shared claim step: leases up to max due items of one user's queue by moving their score to the lease end
     * and recording the token, appending {id, value} of each to out; a queued id whose entry is gone is dropped
     * from the queue. Returns how many it leased and the queue's first score afterwards (false when empty).
     */
    private static final String CLAIM_FROM = """
            local function claim_from(queue, leases, base, now, untilMs, max, token, out)
              local ids = redis.call('ZRANGEBYSCORE', queue, '-inf', now, 'LIMIT', 0, max)
              local got = 0
              for _, id in ipairs(ids) do
                local value = redis.call('GET', base .. id)
                if value then
                  redis.call('ZADD', queue, untilMs, id)
                  redis.call('HSET', leases, id, token)
                  out[#out + 1] = id
                  out[#out + 1] = value
                  got = got + 1
                else
                  redis.call('ZREM', queue, id)
                  redis.call('HDEL', leases, id)
                end
              end
              local first = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
              return got, first[2] or false
            end
            """;

    /**
     * KEYS queue, leases. ARGV nowMs, leaseUntilMs, max, token, base. Claims from one user's queue (see
     * CLAIM_FROM). Returns {nextScore or '', id, value, ...}.
     */
    public static final Script CLAIM = Script.of("claim", CLAIM_FROM + """
            local out = {''}
            local _, first = claim_from(KEYS[1], KEYS[2], ARGV[5], ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], out)
            if first then out[1] = first end
            return out
            """);

    /**
     * Single-node Redis only (it touches several users' keys and the due index, which are in different slots).
     * KEYS due. ARGV nowMs, leaseUntilMs, token, then per user: user, queue, leases, base, share. Claims up to
     * share from each user's queue and, in the same step, sets the user's due-index score to its queue's new first
     * score (or removes the user when the queue is empty): atomic with the claim, so no version check is needed.
     * Returns, per user in order, {count, id, value, ...}.
     */
    public static final Script CLAIM_USERS = Script.of("claim-users", CLAIM_FROM + """
            local out = {}
            for i = 4, #ARGV, 5 do
              local at = #out + 1
              out[at] = 0
              local got, first = claim_from(ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[1], ARGV[2],
                tonumber(ARGV[i + 4]), ARGV[3], out)
              out[at] = got
              if first then redis.call('ZADD', KEYS[1], first, ARGV[i]) else redis.call('ZREM', KEYS[1], ARGV[i]) end
            end
            return out
            """);

    /** Shared lease check: the token must match and the lease (the queue score) must not have run out. */
    private static final String LEASE_HELD = """
            local function held(queue, leases, id, token, now)
              if redis.call('HGET', leases, id) ~= token then return false end
              local score = redis.call('ZSCORE', queue, id)
              return score ~= false and tonumber(score) > tonumber(now)
            end
            """;

    /** Writes an entry (with its TTL when one is given), voids its lease, and queues it or takes it off. */
    private static final String STORE_AND_QUEUE = """
            local function store_and_queue(entry, queue, leases, id, value, due, ttl)
              if ttl ~= '' then redis.call('SET', entry, value, 'PX', ttl) else redis.call('SET', entry, value) end
              redis.call('HDEL', leases, id)
              if due ~= '' then redis.call('ZADD', queue, due, id) else redis.call('ZREM', queue, id) end
            end
            """;

    /**
     * Acknowledges claimed entries: for each whose lease is still held (token matches, lease not run out) writes
     * the entry, voids its lease, and queues it or takes it off the queue. KEYS: one key of the slot the entries
     * are in (routing only; on single-node Redis the entries may belong to several users). ARGV nowMs, then per
     * user: queue, leases, base, count, and count times (id, token, value, dueMs, ttlMs). Returns 1 per entry
     * written, 0 per entry whose lease was lost (nothing written for it).
     */
    public static final Script COMPLETE = Script.of("complete", LEASE_HELD + STORE_AND_QUEUE + """
            local out = {}
            local i = 2
            while i <= #ARGV do
              local queue, leases, base, count = ARGV[i], ARGV[i + 1], ARGV[i + 2], tonumber(ARGV[i + 3])
              i = i + 4
              for _ = 1, count do
                local id = ARGV[i]
                if held(queue, leases, id, ARGV[i + 1], ARGV[1]) then
                  store_and_queue(base .. id, queue, leases, id, ARGV[i + 2], ARGV[i + 3], ARGV[i + 4])
                  out[#out + 1] = 1
                else
                  out[#out + 1] = 0
                end
                i = i + 5
              end
            end
            return out
            """);

    /** KEYS queue, leases. ARGV id, token, nowMs, dueMs. Returns 1 when released, 0 when the lease was lost. */
    public static final Script RELEASE = Script.of("release", LEASE_HELD + """
            if not held(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3]) then return 0 end
            redis.call('HDEL', KEYS[2], ARGV[1])
            redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
            return 1
            """);

    /**
     * KEYS entry, byDate, queue, leases. ARGV id, value, dueMs, ttlMs. Overwrites an existing entry, voids any
     * lease on it and queues it. Returns 0 (writing nothing) when the entry is not held.
     */
    public static final Script REQUEUE = Script.of("requeue", STORE_AND_QUEUE + """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            store_and_queue(KEYS[1], KEYS[3], KEYS[4], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
            return 1
            """);

    /**
     * KEYS entry, byDate, queue, leases. ARGV expectedValue, value, id, epochDay, dueMs, ttlMs. A correction's
     * compare-and-set: only when the stored value is exactly the one the caller read (so neither another
     * correction nor a completing worker changed it since), overwrites it, voids any lease on it, queues it and
     * files it under its (perhaps new) work date. Returns 1 when written, 0 otherwise (nothing written).
     */
    public static final Script REPLACE = Script.of("replace", STORE_AND_QUEUE + """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            store_and_queue(KEYS[1], KEYS[3], KEYS[4], ARGV[3], ARGV[2], ARGV[5], ARGV[6])
            redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
            return 1
            """);

    /**
     * KEYS byDate. ARGV fromDay, toDay, base. Returns {id, value, ...} of the index range in one round trip;
     * members whose entry is gone are dropped from the index on the way.
     */
    public static final Script RANGE = Script.of("range", """
            local ids = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[2])
            local out = {}
            for _, id in ipairs(ids) do
              local value = redis.call('GET', ARGV[3] .. id)
              if value then
                out[#out + 1] = id
                out[#out + 1] = value
              else
                redis.call('ZREM', KEYS[1], id)
              end
            end
            return out
            """);
}
