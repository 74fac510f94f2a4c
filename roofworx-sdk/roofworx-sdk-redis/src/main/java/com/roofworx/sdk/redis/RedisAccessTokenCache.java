package com.roofworx.sdk.redis;

import com.roofworx.sdk.redis.internal.FieldCodec;
import com.roofworx.sdk.redis.internal.RedisKeys;
import com.roofworx.sdk.redis.internal.RedisOps;
import com.roofworx.sdk.redis.internal.TokenScripts;
import com.roofworx.sdk.spi.AccessTokenCache;
import com.roofworx.sdk.spi.Clock;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;

import java.time.Instant;
import java.util.Optional;

/**
 * {@link AccessTokenCache} on Redis, shared by every instance. The token is one string key that Redis expires
 * at the token's own expiry ({@code SET ... PX}); the refresh lock is {@code SET NX}-like with the owner as
 * value, released by a compare-and-delete script so an owner never frees someone else's lock.
 * The token value is never logged and never part of an exception message.
 * <p>
 * Failure: Redis errors and timeouts are thrown as {@link com.roofworx.sdk.StoreUnavailableException}.
 */
public final class RedisAccessTokenCache implements AccessTokenCache {
    private static final String STORE = "token-cache";

    private final RedisOps ops;
    private final RedisKeys keys;
    private final Clock clock;

    RedisAccessTokenCache(RedisOps ops, RedisAdapterConfig config, Clock clock) {
        this.ops = ops.forStore(STORE);
        this.keys = new RedisKeys(config.keyPrefix());
        this.clock = clock;
    }

    @Override
    public Optional<AccessToken> get(String key) {
        String stored = ops.await(ops.commands().get(keys.token(key)), "get");
        if (stored == null) {
            return Optional.empty();
        }
        FieldCodec.Reader in = new FieldCodec.Reader(stored);
        Instant expiresAt = in.instant();
        String apiDomain = in.nullableText();
        AccessToken token = new AccessToken(in.text(), expiresAt, apiDomain);
        // Redis expiry has millisecond steps and its own clock; the token's own expiry is what counts.
        return expiresAt.isAfter(clock.now()) ? Optional.of(token) : Optional.empty();
    }

    @Override
    public void put(String key, AccessToken token) {
        long ttl = token.expiresAt().toEpochMilli() - clock.now().toEpochMilli();
        if (ttl < 1) {
            // Already expired: the previous token is replaced by nothing.
            ops.await(ops.commands().del(keys.token(key)), "put");
            return;
        }
        String value = new FieldCodec.Writer().instant(token.expiresAt()).nullableText(token.apiDomain())
                .text(token.value()).toString();
        ops.await(ops.commands().set(keys.token(key), value, SetArgs.Builder.px(ttl)), "put");
    }

    @Override
    public boolean tryLock(String key, String owner, Instant until) {
        long ttl = Math.max(1L, until.toEpochMilli() - clock.now().toEpochMilli());
        Long held = ops.await(ops.<Long>eval(TokenScripts.LOCK, ScriptOutputType.INTEGER,
                new String[]{keys.tokenLock(key)}, owner, Long.toString(ttl)), "tryLock");
        return held == 1L;
    }

    @Override
    public void unlock(String key, String owner) {
        ops.await(ops.<Long>eval(TokenScripts.UNLOCK, ScriptOutputType.INTEGER,
                new String[]{keys.tokenLock(key)}, owner), "unlock");
    }
}
