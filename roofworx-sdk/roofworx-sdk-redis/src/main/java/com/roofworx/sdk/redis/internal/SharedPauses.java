package com.roofworx.sdk.redis.internal;

import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import io.lettuce.core.ScriptOutputType;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The destination pauses every instance sees: one hash in the {@code {q}} slot, one field per paused
 * destination. Never expires: a pause ends only by {@link #resume} (a pause left behind by a dead instance
 * is probed, and ended, by the next one).
 */
public final class SharedPauses {
    private final RedisOps ops;
    private final RedisKeys keys;

    public SharedPauses(RedisOps ops, RedisKeys keys) {
        this.ops = ops;
        this.keys = keys;
    }

    public Map<Destination, DestinationPause> read() {
        Map<String, String> fields = ops.await(ops.commands().hgetall(keys.pauses()), "pauses");
        Map<Destination, DestinationPause> pauses = new EnumMap<>(Destination.class);
        for (Destination d : Destination.values()) {
            String value = fields == null ? null : fields.get(d.name());
            if (value != null) {
                pauses.put(d, PauseCodec.decode(d, value));
            }
        }
        return Map.copyOf(pauses);
    }

    public void pause(DestinationPause pause) {
        ops.await(ops.commands().hset(keys.pauses(), pause.destination().name(), PauseCodec.encode(pause)), "pause");
    }

    public boolean tryProbe(Destination destination, Instant now, Instant until) {
        long nowMs = now.toEpochMilli();
        long nowSubMs = now.getNano() % 1_000_000;
        Long won = ops.await(ops.<Long>eval(PauseScripts.TRY_PROBE, ScriptOutputType.INTEGER, keys.pauseStep(),
                destination.name(), Long.toString(nowMs), Long.toString(nowSubMs),
                PauseCodec.instantField(until)), "tryProbe");
        return won == 1L;
    }

    /** Two days: the count must outlive its UTC day wherever the clocks of the instances stand. */
    private static final long CALLS_TTL_SECONDS = 2 * 24 * 3600;

    public long addCalls(Destination destination, java.time.LocalDate day, int calls) {
        return ops.await(ops.<Long>eval(PauseScripts.ADD_CALLS, ScriptOutputType.INTEGER,
                new String[]{keys.calls(destination.name(), day.toString())}, Integer.toString(calls),
                Long.toString(CALLS_TTL_SECONDS)), "addCalls");
    }

    public void resume(Destination destination) {
        ops.await(ops.commands().hdel(keys.pauses(), destination.name()), "resume");
    }
}
