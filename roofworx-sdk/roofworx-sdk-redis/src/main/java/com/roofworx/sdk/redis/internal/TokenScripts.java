package com.roofworx.sdk.redis.internal;

/** The access-token lock's steps, each on the lock key alone. */
public final class TokenScripts {

    private TokenScripts() {
    }

    /** KEYS lock. ARGV owner, ttlMs. Takes a free lock, or extends one the owner already holds. 1 when held. */
    public static final Script LOCK = Script.of("token-lock", """
            local holder = redis.call('GET', KEYS[1])
            if holder and holder ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """);

    /** KEYS lock. ARGV owner. Deletes the lock only when this owner holds it. */
    public static final Script UNLOCK = Script.of("token-unlock", """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """);
}
