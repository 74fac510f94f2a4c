package com.roofworx.sdk.redis.internal;

/** The project cache's atomic steps, each on one key. */
public final class ProjectScripts {

    private ProjectScripts() {
    }

    /**
     * KEYS list. ARGV keepMs, field, value, field, value... Replaces the user's hash whole in one step, so a reader
     * sees the old list or the new one. The first pair is the marker field that makes an empty list a hit and
     * carries the fresh and keep times; the key lives for keepMs (the stale-if-error window), not just while fresh.
     */
    public static final Script PUT_LIST = Script.of("put-list", """
            redis.call('DEL', KEYS[1])
            for i = 2, #ARGV, 200 do
              local last = math.min(i + 199, #ARGV)
              redis.call('HSET', KEYS[1], unpack(ARGV, i, last))
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """);

    /**
     * KEYS list. ARGV projectId, details. Rewrites the project's details where the list holds it, keeping its
     * ordinal (the text before the first separator) and the key's TTL. Returns 1 when the list held it.
     */
    public static final Script UPDATE_PROJECT = Script.of("update-project", """
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            if not old then return 0 end
            local ordinal = string.match(old, '^[^|]*')
            redis.call('HSET', KEYS[1], ARGV[1], ordinal .. '|' .. ARGV[2])
            return 1
            """);

    /**
     * KEYS reverse index of one project. ARGV keepMs, user. Adds the user and extends (never shortens) the
     * key's TTL, so a user whose list lives longer (stale lists included) is still found.
     */
    public static final Script ADD_HOLDER = Script.of("add-holder", """
            redis.call('SADD', KEYS[1], ARGV[2])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl >= 0 and ttl < tonumber(ARGV[1]) or ttl == -1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return 1
            """);

    /**
     * KEYS reloadTurn. ARGV nowMs, intervalMs. Takes the turn for a full reload when none was taken within the
     * interval (times from the SDK's clock, not Redis's, so a test clock governs it too). Returns 1 when taken.
     */
    public static final Script TAKE_RELOAD_TURN = Script.of("take-reload-turn", """
            local last = redis.call('GET', KEYS[1])
            if last and tonumber(last) + tonumber(ARGV[2]) > tonumber(ARGV[1]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', math.max(tonumber(ARGV[2]), 1) * 2)
            return 1
            """);
}
