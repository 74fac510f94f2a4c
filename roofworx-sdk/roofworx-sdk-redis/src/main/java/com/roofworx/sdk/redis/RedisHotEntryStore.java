package com.roofworx.sdk.redis;

import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.redis.internal.BlockedList;
import com.roofworx.sdk.redis.internal.CompletionCalls;
import com.roofworx.sdk.redis.internal.DueIndex;
import com.roofworx.sdk.redis.internal.EntryCodec;
import com.roofworx.sdk.redis.internal.HotScripts;
import com.roofworx.sdk.redis.internal.Ids;
import com.roofworx.sdk.redis.internal.QueueClaimer;
import com.roofworx.sdk.redis.internal.RedisKeys;
import com.roofworx.sdk.redis.internal.RedisOps;
import com.roofworx.sdk.redis.internal.SharedPauses;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;
import io.lettuce.core.ScriptOutputType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@link HotEntryStore} on Redis. Each entry is one short string key; each user has a by-date index zset, a
 * queue zset (score: due time, or lease end while claimed) and a lease hash, all under the user's hash tag.
 * The queue holds warm work only; the blocked list ({@link BlockedList}) and the shared destination pauses
 * ({@link SharedPauses}) live in the {@code {q}} slot. Every step that must be atomic is one Lua script on
 * one slot; see docs/redis-design.md.
 * <p>
 * Time: lease checks and TTLs use the {@link Clock} given here, and reads hide entries whose retention ended
 * by that clock, so a test clock governs expiry the same way the wall clock does. The physical TTL is set
 * relative to that clock ({@code PEXPIRE}), never as an absolute Redis time.
 * <p>
 * Failure: a Redis error or timeout is thrown as {@link com.roofworx.sdk.StoreUnavailableException}; each
 * script is all-or-nothing. In the slot-safe (cluster) mode a submit's pipelined due-index update can be lost
 * with the connection; the entry is then still in its user's queue, where {@link #claimFor} finds it, and an
 * idle {@link #claim} re-announces such users at most every five minutes.
 */
public final class RedisHotEntryStore implements HotEntryStore {
    private static final String STORE = "hot";
    private static final String NONE = "";
    private static final int REPLACE_ATTEMPTS = 16;
    private static final Comparator<TimeEntry> BY_DATE = Comparator.comparing(TimeEntry::workDate)
            .thenComparing(TimeEntry::createdAt).thenComparing(TimeEntry::id);

    private final RedisOps ops;
    private final RedisKeys keys;
    private final DueIndex dueIndex;
    private final RedisAdapterConfig config;
    private final Clock clock;
    private final QueueClaimer claimer;
    private final BlockedList blockedList;
    private final SharedPauses pauses;
    private final CompletionCalls completionCalls;

    RedisHotEntryStore(RedisOps ops, RedisAdapterConfig config, Clock clock) {
        this.ops = ops.forStore(STORE);
        this.keys = new RedisKeys(config.keyPrefix());
        this.dueIndex = new DueIndex(this.ops, keys);
        this.config = config;
        this.clock = clock;
        this.blockedList = new BlockedList(this.ops, keys);
        this.claimer = new QueueClaimer(this.ops, keys, dueIndex, blockedList);
        this.pauses = new SharedPauses(this.ops, keys);
        this.completionCalls = new CompletionCalls(this.ops, keys);
    }

    @Override
    public InsertResult insert(TimeEntry entry) {
        String owner = entry.owner();
        Instant due = entry.nextDueAt();
        boolean fused = ops.singleNode();
        CompletableFuture<String> write = ops.eval(HotScripts.INSERT, ScriptOutputType.VALUE,
                fused ? null : () -> touch(owner, due), fused ? keys.insertStepSingleNode(owner, entry.id())
                        : keys.entryStep(owner, entry.id()),
                EntryCodec.encode(entry), Ids.encode(entry.id()), Long.toString(entry.workDate().toEpochDay()),
                millisOrNone(due), ttlOrNone(entry), Long.toString(trimCutoffDay()), keys.userBase(owner),
                Integer.toString(config.trimBatch()), owner);
        CompletableFuture<Long> touched = fused ? null : touch(owner, due);
        String stored = ops.await(write, "insert");
        ops.awaitIfPresent(touched, "insert");
        if (stored != null) {
            return new InsertResult(EntryCodec.decode(owner, entry.id(), stored), false);
        }
        if (entry.isWarmBlocked()) {
            ops.await(blockedList.block(entry), "insert");
        }
        return new InsertResult(entry, true);
    }

    /**
     * Reads the value, checks its version in Java (the codec is not Lua's business), then writes with a script
     * that compares the whole value: a worker completing the older version in between changes the value (and
     * the read is simply repeated), another correction changes it for good (and the version check then fails).
     */
    @Override
    public ReplaceResult replace(TimeEntry updated, int expectedVersion) {
        String owner = updated.owner();
        UUID id = updated.id();
        for (int attempt = 0; attempt < REPLACE_ATTEMPTS; attempt++) {
            String value = ops.await(ops.commands().get(keys.entry(owner, id)), "replace");
            if (value == null) {
                InsertResult inserted = insert(updated);
                if (inserted.created()) {
                    return new ReplaceResult(updated, true);
                }
                continue;
            }
            TimeEntry stored = EntryCodec.decode(owner, id, value);
            if (stored.version() != expectedVersion) {
                return new ReplaceResult(stored, false);
            }
            Instant due = updated.nextDueAt();
            Long written = ops.await(ops.eval(HotScripts.REPLACE, ScriptOutputType.INTEGER, () -> touch(owner, due),
                    keys.entryStep(owner, id), value, EntryCodec.encode(updated), Ids.encode(id),
                    Long.toString(updated.workDate().toEpochDay()), millisOrNone(due), ttlOrNone(updated)), "replace");
            if (written == 1L) {
                ops.await(touch(owner, due), "replace");
                if (stored.isWarmBlocked()) {
                    ops.await(blockedList.unblock(List.of(stored)), "replace");
                }
                return new ReplaceResult(updated, true);
            }
        }
        throw new IllegalStateException("entry " + id + " changed " + REPLACE_ATTEMPTS
                + " times while it was being corrected");
    }

    @Override
    public Optional<TimeEntry> get(String owner, UUID id) {
        String value = ops.await(ops.commands().get(keys.entry(owner, id)), "get");
        return Optional.ofNullable(value).map(v -> EntryCodec.decode(owner, id, v)).filter(this::retained);
    }

    @Override
    public List<TimeEntry> range(String owner, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return List.of();
        }
        List<Object> flat = ops.await(ops.<List<Object>>eval(HotScripts.RANGE, ScriptOutputType.MULTI,
                keys.rangeStep(owner), Long.toString(from.toEpochDay()), Long.toString(to.toEpochDay()),
                keys.userBase(owner)), "range");
        List<TimeEntry> entries = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            TimeEntry entry = EntryCodec.decode(owner, Ids.decode((String) flat.get(i)), (String) flat.get(i + 1));
            if (retained(entry)) {
                entries.add(entry);
            }
        }
        entries.sort(BY_DATE);
        return entries;
    }

    @Override
    public List<Claim> claim(Instant now, Duration lease, int max) {
        return claimer.claim(now, lease, max);
    }

    @Override
    public List<Claim> claimFor(String owner, Instant now, Duration lease, int max) {
        return claimer.claimFor(owner, now, lease, max);
    }

    @Override
    public boolean complete(Claim claim, TimeEntry updated) {
        return completeAll(List.of(new Completion(claim, updated))).isEmpty();
    }

    /**
     * Everything pipelined, so a batch costs one round trip: the blocked listings, the completion scripts (a few
     * entries per script, {@link CompletionCalls}), then one due-index touch per owner that still has work due.
     */
    @Override
    public List<Claim> completeAll(List<Completion> completions) {
        List<CompletableFuture<Long>> listed = new ArrayList<>();
        List<CompletionCalls.Step> steps = new ArrayList<>(completions.size());
        Map<String, Instant> earliest = new HashMap<>();
        for (Completion c : completions) {
            TimeEntry claimed = c.claim().entry();
            TimeEntry updated = c.updated();
            sameEntry(claimed, updated);
            // The blocked listing goes out ahead of the script: had it followed, a failure between the two would
            // leave a blocked entry off the queue and off the list, never replayed. A listing whose entry turns
            // out not to be blocked (lease lost) is skipped by blocked() and disappears with the entry.
            if (updated.isWarmBlocked()) {
                listed.add(blockedList.block(updated));
            }
            Instant due = updated.nextDueAt();
            noteEarliest(earliest, claimed.owner(), due);
            steps.add(new CompletionCalls.Step(claimed.owner(), claimed.id(), c.claim().token(),
                    EntryCodec.encode(updated), millisOrNone(due), ttlOrNone(updated)));
        }
        List<CompletionCalls.Call> calls = completionCalls.send(clock.now().toEpochMilli(), steps,
                owners -> touchAll(owners, earliest));
        CompletableFuture<Void> touched = touchAll(earliest.keySet(), earliest);
        listed.forEach(l -> ops.await(l, "complete"));
        boolean[] written = new boolean[steps.size()];
        calls.forEach(call -> call.collect(ops, written));
        ops.await(touched, "complete");
        List<Claim> lost = new ArrayList<>();
        for (int i = 0; i < written.length; i++) {
            if (!written[i]) {
                lost.add(completions.get(i).claim());
            }
        }
        return lost;
    }

    private static void noteEarliest(Map<String, Instant> earliest, String owner, Instant due) {
        if (due != null) {
            earliest.merge(owner, due, (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    /** One touch per owner, at its earliest due time: what one touch per entry would leave behind. */
    private CompletableFuture<Void> touchAll(Iterable<String> owners, Map<String, Instant> earliest) {
        List<CompletableFuture<Long>> touches = new ArrayList<>();
        for (String owner : owners) {
            Instant due = earliest.get(owner);
            if (due != null) {
                touches.add(touch(owner, due));
            }
        }
        return CompletableFuture.allOf(touches.toArray(CompletableFuture[]::new));
    }

    @Override
    public void release(Claim claim) {
        claimer.release(claim, clock.now());
    }

    @Override
    public List<TimeEntry> blocked(BlockedFilter filter, BlockedPosition after, int limit) {
        return blockedList.page(filter, after, limit);
    }

    @Override
    public Optional<TimeEntry> blockedEntry(UUID id) {
        return blockedList.find(id);
    }

    @Override
    public boolean requeue(TimeEntry updated) {
        return requeueAll(List.of(updated)) == 1;
    }

    /**
     * Two round trips for the whole list: every requeue script (with its due-index touch) pipelined, then one
     * script that takes them off the blocked list. The second waits for the first on purpose: taken off the
     * list before its requeue was written (a NOSCRIPT resend, an OOM refusal, a lost connection), a blocked
     * entry would be on no list and never replayed; the other way round, a failure leaves an entry queued and
     * still listed, which the listing skips.
     */
    @Override
    public int requeueAll(List<TimeEntry> updated) {
        List<CompletableFuture<Long>> writes = new ArrayList<>(updated.size());
        Map<String, Instant> earliest = new HashMap<>();
        for (TimeEntry e : updated) {
            String owner = e.owner();
            Instant due = e.nextDueAt();
            writes.add(ops.eval(HotScripts.REQUEUE, ScriptOutputType.INTEGER, () -> touch(owner, due),
                    keys.entryStep(owner, e.id()), Ids.encode(e.id()), EntryCodec.encode(e), millisOrNone(due),
                    ttlOrNone(e)));
            noteEarliest(earliest, owner, due);
        }
        CompletableFuture<Void> touched = touchAll(earliest.keySet(), earliest);
        int written = 0;
        List<TimeEntry> answered = new ArrayList<>(updated.size());
        RuntimeException failure = null;
        for (int i = 0; i < updated.size(); i++) {
            try {
                written += ops.await(writes.get(i), "requeue") == 1L ? 1 : 0;
                answered.add(updated.get(i));
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        ops.await(touched, "requeue");
        if (!answered.isEmpty()) {
            ops.await(blockedList.unblock(answered), "requeue");
        }
        if (failure != null) {
            throw failure;
        }
        return written;
    }

    @Override
    public QueueStats stats() {
        return claimer.stats();
    }

    @Override
    public Map<Destination, DestinationPause> pauses() {
        return pauses.read();
    }

    @Override
    public void pause(DestinationPause pause) {
        pauses.pause(pause);
    }

    @Override
    public boolean tryProbe(Destination destination, Instant now, Instant until) {
        return pauses.tryProbe(destination, now, until);
    }

    @Override
    public long addCalls(Destination destination, LocalDate day, int calls) {
        return pauses.addCalls(destination, day, calls);
    }

    @Override
    public void resume(Destination destination) {
        pauses.resume(destination);
    }

    /** When the entry leaves Redis: retention after the end of its work day (UTC). */
    Instant expiresAt(TimeEntry entry) {
        return entry.workDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(config.retention());
    }

    /**
     * An entry may expire once the warm store holds it (until then Redis holds the only copy). Its cold state
     * does not matter: the warm store tracks cold work, so a long cold outage cannot pin the hot tier. A warm
     * SYNCED entry is off the queue and off the blocked list, so neither points at a vanished entry.
     */
    private static boolean mayExpire(TimeEntry entry) {
        return entry.warm().isSynced();
    }

    private boolean retained(TimeEntry entry) {
        return !mayExpire(entry) || expiresAt(entry).isAfter(clock.now());
    }

    private String ttlOrNone(TimeEntry entry) {
        if (!mayExpire(entry)) {
            return NONE;
        }
        long ttl = expiresAt(entry).toEpochMilli() - clock.now().toEpochMilli();
        return Long.toString(Math.max(1L, ttl));
    }

    private long trimCutoffDay() {
        return clock.now().minus(config.retention()).atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay() - 1;
    }

    private CompletableFuture<Long> touch(String owner, Instant due) {
        return due == null ? CompletableFuture.completedFuture(0L) : dueIndex.touch(owner, due.toEpochMilli());
    }

    private static String millisOrNone(Instant instant) {
        return instant == null ? NONE : Long.toString(instant.toEpochMilli());
    }

    private static void sameEntry(TimeEntry claimed, TimeEntry updated) {
        if (!claimed.id().equals(updated.id())) {
            throw ValidationException.of("updated.id", updated.id(), "must be the claimed entry's id " + claimed.id());
        }
        if (!claimed.owner().equals(updated.owner())) {
            throw ValidationException.of("updated.owner", updated.owner(),
                    "must be the claimed entry's owner " + claimed.owner());
        }
    }
}
