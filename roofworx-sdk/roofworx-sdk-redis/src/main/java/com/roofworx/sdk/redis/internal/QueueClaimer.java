package com.roofworx.sdk.redis.internal;

import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.spi.HotEntryStore.Claim;
import com.roofworx.sdk.spi.HotEntryStore.QueueStats;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Claims, releases and counts queue work. A claim across users picks due users from the {@link DueIndex},
 * then claims from their queues; users that filled their share get another round while the batch is not full.
 * On Redis Cluster each user is one script (its keys are in its own slot) followed by a settle of the index,
 * all users of a round pipelined together; on single-node Redis a few scripts claim a round's users and settle
 * the index in the same step (fewer calls: see docs/redis-design.md, "Draining in few scripts").
 */
public final class QueueClaimer {
    private static final int MAX_ROUNDS = 4;
    /** How often (by the claim's own clock) an idle claim re-checks every user's queue against the index. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);

    private final RedisOps ops;
    private final RedisKeys keys;
    private final DueIndex dueIndex;
    private final BlockedList blocked;
    private volatile Instant lastSweep = Instant.MIN;

    public QueueClaimer(RedisOps ops, RedisKeys keys, DueIndex dueIndex, BlockedList blocked) {
        this.ops = ops;
        this.keys = keys;
        this.dueIndex = dueIndex;
        this.blocked = blocked;
    }

    public List<Claim> claim(Instant now, Duration lease, int max) {
        checkLease(lease);
        if (max <= 0) {
            return List.of();
        }
        long nowMs = now.toEpochMilli();
        Instant leaseUntil = now.plus(lease);
        long untilMs = leaseUntil.toEpochMilli();
        String token = newToken();
        List<Claim> claims = new ArrayList<>(max);
        List<DueIndex.Picked> picked = dueIndex.pick(nowMs, max);
        if (ops.singleNode()) {
            claimUsers(picked, nowMs, untilMs, leaseUntil, token, max, claims);
        } else {
            claimEachUser(picked, nowMs, untilMs, leaseUntil, token, max, claims);
        }
        if (claims.isEmpty() && sweepDue(now)) {
            return claim(now, lease, max);
        }
        return claims;
    }

    /**
     * The slot-safe claim: one script per user, all users of a round pipelined, then a settle of each user's
     * due-index score (in another slot, hence guarded by the version the pick read).
     */
    private void claimEachUser(List<DueIndex.Picked> picked, long nowMs, long untilMs, Instant leaseUntil,
                               String token, int max, List<Claim> claims) {
        List<CompletableFuture<Long>> settles = new ArrayList<>();
        List<DueIndex.Picked> active = picked;
        for (int round = 0; round < MAX_ROUNDS && !active.isEmpty() && claims.size() < max; round++) {
            int want = max - claims.size();
            List<DueIndex.Picked> users = active.size() > want ? active.subList(0, want) : active;
            Map<DueIndex.Picked, CompletableFuture<List<Object>>> calls = new LinkedHashMap<>();
            for (int i = 0; i < users.size(); i++) {
                calls.put(users.get(i), claimUser(users.get(i).user(), nowMs, untilMs, share(want, users.size(), i),
                        token));
            }
            List<DueIndex.Picked> more = new ArrayList<>();
            int i = 0;
            for (Map.Entry<DueIndex.Picked, CompletableFuture<List<Object>>> call : calls.entrySet()) {
                List<Object> reply = ops.await(call.getValue(), "claim");
                int got = collect(call.getKey().user(), reply, token, leaseUntil, claims);
                settles.add(dueIndex.settle(call.getKey(), (String) reply.get(0)));
                if (got == share(want, users.size(), i++)) {
                    more.add(call.getKey());
                }
            }
            active = more;
        }
        settles.forEach(settle -> ops.await(settle, "claim"));
    }

    /** User {@code i}'s part of {@code want} entries spread over {@code users} users, the remainder to the first. */
    private static int share(int want, int users, int i) {
        return want / users + (i < want % users ? 1 : 0);
    }

    /**
     * The single-node claim: each round's users in a few {@link HotScripts#CLAIM_USERS} calls, pipelined, each
     * claiming up to {@link CompletionCalls#ENTRIES_PER_CALL} entries and settling its users' due-index scores in
     * the same step. Users that filled their share get another round, as in the per-user claim.
     */
    private void claimUsers(List<DueIndex.Picked> picked, long nowMs, long untilMs, Instant leaseUntil, String token,
                            int max, List<Claim> claims) {
        List<String> active = picked.stream().map(DueIndex.Picked::user).toList();
        for (int round = 0; round < MAX_ROUNDS && !active.isEmpty() && claims.size() < max; round++) {
            int want = max - claims.size();
            List<String> users = active.size() > want ? active.subList(0, want) : active;
            int[] shares = new int[users.size()];
            List<CompletableFuture<List<Object>>> calls = new ArrayList<>();
            List<String> args = new ArrayList<>();
            int inCall = 0;
            for (int i = 0; i < users.size(); i++) {
                shares[i] = share(want, users.size(), i);
                if (args.isEmpty()) {
                    args.addAll(List.of(Long.toString(nowMs), Long.toString(untilMs), token));
                }
                String user = users.get(i);
                args.addAll(List.of(user, keys.queue(user), keys.leases(user), keys.userBase(user),
                        Integer.toString(shares[i])));
                inCall += shares[i];
                if (inCall >= CompletionCalls.ENTRIES_PER_CALL || i == users.size() - 1) {
                    calls.add(ops.eval(HotScripts.CLAIM_USERS, ScriptOutputType.MULTI, new String[]{keys.due()},
                            args.toArray(String[]::new)));
                    args.clear();
                    inCall = 0;
                }
            }
            List<String> more = new ArrayList<>();
            int user = 0;
            for (CompletableFuture<List<Object>> call : calls) {
                List<Object> reply = ops.await(call, "claim");
                for (int at = 0; at < reply.size(); user++) {
                    int got = ((Long) reply.get(at)).intValue();
                    for (int k = 0; k < got; k++) {
                        int id = at + 1 + 2 * k;
                        claims.add(new Claim(EntryCodec.decode(users.get(user), Ids.decode((String) reply.get(id)),
                                (String) reply.get(id + 1)), token, leaseUntil));
                    }
                    if (got == shares[user]) {
                        more.add(users.get(user));
                    }
                    at += 1 + 2 * got;
                }
            }
            active = more;
        }
    }

    /**
     * When a claim finds nothing, at most every {@link #SWEEP_INTERVAL}: re-announces every user whose queue
     * holds work, so a submit whose pipelined index update was lost with its connection (possible on Redis
     * Cluster, where the two cannot be one script) is found without waiting for that user's next submit.
     * Answers whether any user was re-announced.
     */
    private boolean sweepDue(Instant now) {
        Instant last = lastSweep;
        if (last != Instant.MIN && now.isBefore(last.plus(SWEEP_INTERVAL))) {
            return false;
        }
        lastSweep = now;
        List<String> users = ops.await(dueIndex.knownUsers(), "claim");
        List<CompletableFuture<List<ScoredValue<String>>>> heads = new ArrayList<>(users.size());
        for (String user : users) {
            heads.add(ops.commands().zrangeWithScores(keys.queue(user), 0, 0).toCompletableFuture());
        }
        List<CompletableFuture<Long>> touches = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            List<ScoredValue<String>> head = ops.await(heads.get(i), "claim");
            if (!head.isEmpty()) {
                touches.add(dueIndex.touch(users.get(i), (long) head.get(0).getScore()));
            }
        }
        touches.forEach(touch -> ops.await(touch, "claim"));
        return !touches.isEmpty();
    }

    public List<Claim> claimFor(String owner, Instant now, Duration lease, int max) {
        checkLease(lease);
        if (max <= 0) {
            return List.of();
        }
        Instant leaseUntil = now.plus(lease);
        String token = newToken();
        List<Object> reply = ops.await(
                claimUser(owner, now.toEpochMilli(), leaseUntil.toEpochMilli(), max, token), "claimFor");
        List<Claim> claims = new ArrayList<>();
        collect(owner, reply, token, leaseUntil, claims);
        // No settle here: the index still names this user no later than before, which is the safe direction.
        return claims;
    }

    /** Gives the entry back, due at its own due time (already passed) or now, whichever is earlier. */
    public void release(Claim claim, Instant now) {
        String owner = claim.entry().owner();
        Instant due = claim.entry().nextDueAt();
        long dueMs = due == null || due.isAfter(now) ? now.toEpochMilli() : due.toEpochMilli();
        CompletableFuture<Long> released = ops.eval(HotScripts.RELEASE, ScriptOutputType.INTEGER,
                () -> dueIndex.touch(owner, dueMs), keys.queueStep(owner), Ids.encode(claim.entry().id()),
                claim.token(), Long.toString(now.toEpochMilli()), Long.toString(dueMs));
        CompletableFuture<Long> touched = dueIndex.touch(owner, dueMs);
        ops.await(released, "release");
        ops.await(touched, "release");
    }

    /** Sums the queues of every user the index names; a user with queued work is always named. */
    public QueueStats stats() {
        CompletableFuture<Long> blockedCount = blocked.count();
        List<String> users = ops.await(dueIndex.users(), "stats");
        List<CompletableFuture<Long>> sizes = new ArrayList<>(users.size());
        for (String user : users) {
            sizes.add(ops.commands().zcard(keys.queue(user)).toCompletableFuture());
        }
        long queued = 0;
        for (CompletableFuture<Long> size : sizes) {
            queued += ops.await(size, "stats");
        }
        return new QueueStats(queued, ops.await(blockedCount, "stats"));
    }

    /** A lease shorter than a millisecond would end as it starts, and the same call could claim twice. */
    private static void checkLease(Duration lease) {
        if (lease == null || lease.toMillis() < 1) {
            throw ValidationException.of("lease", lease, "must be at least 1 ms");
        }
    }

    private CompletableFuture<List<Object>> claimUser(String user, long nowMs, long untilMs, int max, String token) {
        return ops.eval(HotScripts.CLAIM, ScriptOutputType.MULTI, keys.queueStep(user), Long.toString(nowMs),
                Long.toString(untilMs), Integer.toString(max), token, keys.userBase(user));
    }

    /**
     * The claim carries the exact lease end; Redis scores it in whole milliseconds (rounded down), the
     * resolution of every time the queue compares.
     */
    private static int collect(String owner, List<Object> reply, String token, Instant leaseUntil,
                               List<Claim> into) {
        int got = 0;
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            var id = Ids.decode((String) reply.get(i));
            into.add(new Claim(EntryCodec.decode(owner, id, (String) reply.get(i + 1)), token, leaseUntil));
            got++;
        }
        return got;
    }

    /** Distinct per claim call; with the entry id it identifies one lease. Not a secret. */
    private static String newToken() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toString(random.nextLong() & Long.MAX_VALUE, Character.MAX_RADIX)
                + Long.toString(random.nextLong() & Long.MAX_VALUE, Character.MAX_RADIX);
    }
}
