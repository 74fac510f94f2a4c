package com.roofworx.sdk.redis.internal;

import io.lettuce.core.ScriptOutputType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Sends a batch of completions as few {@link HotScripts#COMPLETE} calls, all pipelined: on single-node Redis
 * up to {@link #ENTRIES_PER_CALL} entries of any users per call; on Redis Cluster one user's entries per call
 * (a user's keys share one slot). A drained batch of 1,000 is then ten calls instead of a thousand, which is
 * most of what the drain's acknowledgement cost (docs/redis-design.md, "Draining in few scripts"). The cap keeps
 * one call short: a submit arriving meanwhile waits behind it.
 */
public final class CompletionCalls {
    static final int ENTRIES_PER_CALL = 100;

    private final RedisOps ops;
    private final RedisKeys keys;

    public CompletionCalls(RedisOps ops, RedisKeys keys) {
        this.ops = ops;
        this.keys = keys;
    }

    /** One entry to acknowledge: its new value, due time and TTL (empty strings for none), under its lease. */
    public record Step(String owner, UUID id, String token, String value, String due, String ttl) {
    }

    /** One pipelined call: the positions (in the list given to {@link #send}) of the steps it answers, in order. */
    public record Call(int[] positions, CompletableFuture<List<Object>> reply) {
        /** Marks the steps this call wrote; awaiting its reply through {@code ops}. */
        public void collect(RedisOps ops, boolean[] written) {
            List<Object> answer = ops.await(reply, "complete");
            for (int i = 0; i < positions.length; i++) {
                written[positions[i]] = Long.valueOf(1L).equals(answer.get(i));
            }
        }
    }

    /**
     * Sends every step without waiting for any reply. {@code retouch} repeats the due-index touches of the given
     * owners; it runs after a call that had to be sent in full (NOSCRIPT), because that call then ran after the
     * touches pipelined behind it.
     */
    public List<Call> send(long nowMs, List<Step> steps, Function<Set<String>, CompletionStage<?>> retouch) {
        Map<String, List<Integer>> byOwner = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            byOwner.computeIfAbsent(steps.get(i).owner(), o -> new ArrayList<>()).add(i);
        }
        List<Call> calls = new ArrayList<>();
        List<Integer> chunk = new ArrayList<>(ENTRIES_PER_CALL);
        for (List<Integer> owned : byOwner.values()) {
            for (int position : owned) {
                chunk.add(position);
                if (chunk.size() == ENTRIES_PER_CALL) {
                    calls.add(call(nowMs, steps, chunk, retouch));
                    chunk.clear();
                }
            }
            if (!ops.singleNode() && !chunk.isEmpty()) {
                calls.add(call(nowMs, steps, chunk, retouch));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            calls.add(call(nowMs, steps, chunk, retouch));
        }
        return calls;
    }

    /** The chunk's steps are grouped by owner already: each owner's run gets one header. */
    private Call call(long nowMs, List<Step> steps, List<Integer> chunk,
                      Function<Set<String>, CompletionStage<?>> retouch) {
        // At most: the time, a four-argument header and five arguments per entry.
        List<String> args = new ArrayList<>(1 + chunk.size() * 9);
        args.add(Long.toString(nowMs));
        Set<String> owners = new LinkedHashSet<>();
        String runOwner = null;
        int countAt = -1;
        int count = 0;
        for (int position : chunk) {
            Step step = steps.get(position);
            if (!step.owner().equals(runOwner)) {
                if (countAt >= 0) {
                    args.set(countAt, Integer.toString(count));
                }
                runOwner = step.owner();
                owners.add(runOwner);
                args.add(keys.queue(runOwner));
                args.add(keys.leases(runOwner));
                args.add(keys.userBase(runOwner));
                countAt = args.size();
                args.add("");
                count = 0;
            }
            count++;
            args.add(Ids.encode(step.id()));
            args.add(step.token());
            args.add(step.value());
            args.add(step.due());
            args.add(step.ttl());
        }
        args.set(countAt, Integer.toString(count));
        String first = steps.get(chunk.get(0)).owner();
        CompletableFuture<List<Object>> reply = ops.eval(HotScripts.COMPLETE, ScriptOutputType.MULTI,
                () -> retouch.apply(owners), new String[]{keys.queue(first)}, args.toArray(String[]::new));
        return new Call(chunk.stream().mapToInt(Integer::intValue).toArray(), reply);
    }
}
