package com.roofworx.sdk.memory;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A hot store in memory with the same queue, lease and expiry rules as the Redis adapter. Thread-safe
 * through one lock: simple and obviously atomic, which is what tests want.
 */
public final class InMemoryHotEntryStore implements HotEntryStore {
    /** Default retention: an entry may expire this long after its work date, once in the warm store. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private final Map<Key, TimeEntry> entries = new HashMap<>();
    private final Map<Key, Lease> queue = new HashMap<>();
    private final Set<Key> blocked = new LinkedHashSet<>();
    private final Map<Destination, DestinationPause> pauses = new EnumMap<>(Destination.class);
    private final Map<String, Long> callsPerDay = new HashMap<>();
    private final Clock clock;
    private final Duration retention;

    public InMemoryHotEntryStore() {
        this(Clock.system(), DEFAULT_RETENTION);
    }

    public InMemoryHotEntryStore(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public synchronized InsertResult insert(TimeEntry entry) {
        TimeEntry existing = live(entry.owner(), entry.id());
        if (existing != null) {
            return new InsertResult(existing, false);
        }
        store(entry);
        return new InsertResult(entry, true);
    }

    @Override
    public synchronized ReplaceResult replace(TimeEntry updated, int expectedVersion) {
        TimeEntry existing = live(updated.owner(), updated.id());
        if (existing != null && existing.version() != expectedVersion) {
            return new ReplaceResult(existing, false);
        }
        store(updated); // a new queue item: the old one's lease token no longer matches
        return new ReplaceResult(updated, true);
    }

    @Override
    public synchronized Optional<TimeEntry> get(String owner, UUID id) {
        return Optional.ofNullable(live(owner, id));
    }

    @Override
    public synchronized List<TimeEntry> range(String owner, LocalDate from, LocalDate to) {
        return new ArrayList<>(entries.values()).stream()
                .filter(e -> e.owner().equals(owner) && !e.workDate().isBefore(from) && !e.workDate().isAfter(to))
                .filter(e -> live(e.owner(), e.id()) != null)
                .sorted(Comparator.comparing(TimeEntry::workDate).thenComparing(TimeEntry::createdAt))
                .toList();
    }

    @Override
    public synchronized List<Claim> claim(Instant now, Duration lease, int max) {
        return claimWhere(e -> true, now, lease, max);
    }

    @Override
    public synchronized List<Claim> claimFor(String owner, Instant now, Duration lease, int max) {
        return claimWhere(e -> e.owner().equals(owner), now, lease, max);
    }

    private List<Claim> claimWhere(Predicate<TimeEntry> which, Instant now, Duration lease, int max) {
        List<Claim> claims = new ArrayList<>();
        Oldest.first(queue.entrySet().stream()
                        .filter(q -> !q.getValue().dueAt.isAfter(now) && which.test(entries.get(q.getKey()))),
                max, Map.Entry.comparingByValue(Comparator.comparing(Lease::dueAt)))
                .forEach(q -> {
                    Lease held = new Lease(now.plus(lease), UUID.randomUUID().toString());
                    queue.put(q.getKey(), held);
                    claims.add(new Claim(entries.get(q.getKey()), held.token, held.dueAt));
                });
        return claims;
    }

    @Override
    public synchronized boolean complete(Claim claim, TimeEntry updated) {
        if (!holds(claim)) {
            return false;
        }
        queue.remove(Key.of(claim.entry()));
        store(updated);
        return true;
    }

    @Override
    public synchronized void release(Claim claim) {
        if (holds(claim)) {
            queue.put(Key.of(claim.entry()), new Lease(clock.now(), null));
        }
    }

    @Override
    public synchronized List<TimeEntry> blocked(BlockedFilter filter, BlockedPosition after, int limit) {
        return Oldest.first(blocked.stream().map(entries::get)
                .filter(e -> filter.matches(e, Destination.WARM) && (after == null || after.isBefore(e))),
                limit, BlockedPosition.ORDER);
    }

    @Override
    public synchronized Optional<TimeEntry> blockedEntry(UUID id) {
        return blocked.stream().filter(k -> k.id().equals(id)).map(entries::get).findFirst();
    }

    @Override
    public synchronized boolean requeue(TimeEntry updated) {
        if (live(updated.owner(), updated.id()) == null) {
            return false;
        }
        store(updated);
        return true;
    }

    @Override
    public synchronized QueueStats stats() {
        return new QueueStats(queue.size(), blocked.size());
    }

    @Override
    public synchronized Map<Destination, DestinationPause> pauses() {
        return Map.copyOf(pauses);
    }

    @Override
    public synchronized void pause(DestinationPause pause) {
        pauses.put(pause.destination(), pause);
    }

    @Override
    public synchronized boolean tryProbe(Destination destination, Instant now, Instant until) {
        DestinationPause pause = pauses.get(destination);
        if (pause == null || pause.nextProbeAt().isAfter(now)) {
            return false;
        }
        pauses.put(destination, new DestinationPause(destination, pause.since(), until, pause.failures(),
                pause.lastError(), pause.kind()));
        return true;
    }

    @Override
    public synchronized void resume(Destination destination) {
        pauses.remove(destination);
    }

    @Override
    public synchronized long addCalls(Destination destination, LocalDate day, int calls) {
        return callsPerDay.merge(destination + "/" + day, (long) calls, Long::sum);
    }

    /** Forgets everything, as a Redis restart without persistence would. For tests of the warm fallback. */
    public synchronized void clear() {
        entries.clear();
        queue.clear();
        blocked.clear();
        pauses.clear();
        callsPerDay.clear();
    }

    private boolean holds(Claim claim) {
        Lease lease = queue.get(Key.of(claim.entry()));
        return lease != null && claim.token().equals(lease.token);
    }

    /** Stores the entry and files it in the queue or the blocked list according to its state. */
    private void store(TimeEntry entry) {
        Key key = Key.of(entry);
        entries.put(key, entry);
        queue.remove(key);
        blocked.remove(key);
        Instant due = entry.nextDueAt();
        if (due != null) {
            queue.put(key, new Lease(due, null));
        } else if (entry.isWarmBlocked()) {
            blocked.add(key);
        }
    }

    /** The entry unless it has expired (only entries already in the warm store expire). */
    private TimeEntry live(String owner, UUID id) {
        Key key = new Key(owner, id);
        TimeEntry e = entries.get(key);
        if (e == null) {
            return null;
        }
        Instant expiresAt = e.workDate().atStartOfDay(ZoneOffset.UTC).toInstant().plus(retention);
        if (e.warm().isSynced() && !queue.containsKey(key) && !blocked.contains(key)
                && !clock.now().isBefore(expiresAt)) {
            entries.remove(key);
            return null;
        }
        return e;
    }

    private record Lease(Instant dueAt, String token) {
    }

    private record Key(String owner, UUID id) {
        static Key of(TimeEntry e) {
            return new Key(e.owner(), e.id());
        }
    }
}
