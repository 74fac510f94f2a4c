package com.roofworx.sdk.redis.internal;

import io.lettuce.core.ScriptOutputType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The global view of the sync queue: which users have due work. Each user's queue
 * lives in that user's slot; this index lives in the {@code {q}} slot, so it cannot be updated in the same
 * atomic step as a user's queue (that would break Redis Cluster). Instead:
 * <ul>
 *   <li>writes that queue work {@link #touch} the user (score moved earlier only, version bumped), sent
 *       pipelined right behind the user's script, so a submit stays one round trip;</li>
 *   <li>{@code claim} reads users with their version ({@link #pick}), claims from their queues, and
 *       {@link #settle}s each user to its queue's new head, unless a touch changed the version meanwhile.</li>
 * </ul>
 * The index may therefore name a user with nothing due (cost: one empty visit, which settles it), but a
 * touch that follows a user's write is never undone by a claimer that read the queue before that write.
 */
public final class DueIndex {
    private final RedisOps ops;
    private final RedisKeys keys;

    public DueIndex(RedisOps ops, RedisKeys keys) {
        this.ops = ops;
        this.keys = keys;
    }

    public CompletableFuture<Long> touch(String user, long dueMs) {
        return ops.eval(QueueScripts.TOUCH, ScriptOutputType.INTEGER, keys.globalStep(), user, Long.toString(dueMs));
    }

    public List<Picked> pick(long nowMs, int max) {
        List<Object> flat = ops.await(ops.<List<Object>>eval(QueueScripts.PICK, ScriptOutputType.MULTI,
                keys.globalStep(), Long.toString(nowMs), Integer.toString(max)), "claim");
        List<Picked> picked = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            picked.add(new Picked((String) flat.get(i), (String) flat.get(i + 1)));
        }
        return picked;
    }

    public CompletableFuture<Long> settle(Picked picked, String nextScore) {
        return ops.eval(QueueScripts.SETTLE, ScriptOutputType.INTEGER, keys.globalStep(),
                picked.user(), picked.version(), nextScore);
    }

    /** Every user the index names (for stats). */
    public CompletableFuture<List<String>> users() {
        return ops.commands().zrange(keys.due(), 0, -1).toCompletableFuture();
    }

    /** Every user that ever queued work (the version hash keeps one field per such user). */
    public CompletableFuture<List<String>> knownUsers() {
        return ops.commands().hkeys(keys.dueVersions()).toCompletableFuture();
    }

    /** A user read by {@link #pick}, with the version the settle must still see. */
    public record Picked(String user, String version) {
    }
}
