package com.roofworx.sdk.redis.internal;

import io.lettuce.core.ScriptOutputType;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The global view of the sync queue: which users have due work, and the blocked list. Each user's queue
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
    private static final int ID_LENGTH = 22;

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

    public CompletableFuture<Long> block(String owner, UUID id, long createdAtMs) {
        return ops.commands().zadd(keys.blocked(), (double) createdAtMs, member(owner, id)).toCompletableFuture();
    }

    public CompletableFuture<Long> unblock(String owner, UUID id) {
        return ops.commands().zrem(keys.blocked(), member(owner, id)).toCompletableFuture();
    }

    public CompletableFuture<List<String>> blockedMembers(int limit) {
        return ops.commands().zrange(keys.blocked(), 0, limit - 1L).toCompletableFuture();
    }

    public CompletableFuture<Long> blockedCount() {
        return ops.commands().zcard(keys.blocked()).toCompletableFuture();
    }

    public CompletableFuture<Long> removeBlockedMember(String member) {
        return ops.commands().zrem(keys.blocked(), member).toCompletableFuture();
    }

    /** The id first (fixed length), so an owner with any characters parses back. */
    static String member(String owner, UUID id) {
        return Ids.encode(id) + owner;
    }

    public static UUID memberId(String member) {
        return Ids.decode(member.substring(0, ID_LENGTH));
    }

    public static String memberOwner(String member) {
        return member.substring(ID_LENGTH);
    }

    /** A user read by {@link #pick}, with the version the settle must still see. */
    public record Picked(String user, String version) {
    }
}
