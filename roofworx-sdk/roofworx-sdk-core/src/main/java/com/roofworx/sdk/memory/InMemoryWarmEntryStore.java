package com.roofworx.sdk.memory;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.EntryRevision;
import com.roofworx.sdk.model.SyncStatus;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.WarmEntryStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * A warm store in memory, keyed by entry id like the PostgreSQL adapter. Thread-safe. A rejection rule
 * can be set to play a store that refuses some rows.
 */
public final class InMemoryWarmEntryStore implements WarmEntryStore {
    private static final Comparator<TimeEntry> OLDEST_FIRST = BlockedPosition.ORDER;

    private final Map<UUID, TimeEntry> rows = new LinkedHashMap<>();
    private final Map<UUID, Map<Integer, EntryRevision>> history = new HashMap<>();
    private Function<TimeEntry, String> rejection = e -> null;

    /** Refuses rows for which {@code rule} answers a reason (non-null). */
    public synchronized InMemoryWarmEntryStore rejectWhen(Function<TimeEntry, String> rule) {
        rejection = rule;
        return this;
    }

    @Override
    public synchronized UpsertResult upsert(List<TimeEntry> entries) {
        Set<UUID> inserted = new HashSet<>();
        Set<UUID> updated = new HashSet<>();
        Map<UUID, String> rejected = new HashMap<>();
        for (TimeEntry e : entries) {
            String reason = rejection.apply(e);
            if (reason != null) {
                rejected.put(e.id(), reason);
                continue;
            }
            TimeEntry row = rows.get(e.id());
            TimeEntry asRow = e.withState(Destination.WARM, DestinationState.synced()).withoutPendingHistory();
            if (row == null) {
                rows.put(e.id(), asRow);
                inserted.add(e.id());
            } else if (row.owner().equals(e.owner()) && e.version() > row.version()) {
                rows.put(e.id(), newerVersion(row, asRow));
                updated.add(e.id());
            }
            if (rows.get(e.id()).owner().equals(e.owner())) {
                Map<Integer, EntryRevision> versions = history.computeIfAbsent(e.id(), id -> new TreeMap<>());
                e.revisionsToRecord().forEach(r -> versions.putIfAbsent(r.version(), r));
            }
        }
        return new UpsertResult(inserted, updated, rejected);
    }

    /** The newer version's content, cold pending again but not before an attempt still leased on the row. */
    private static TimeEntry newerVersion(TimeEntry row, TimeEntry newer) {
        Instant due = newer.cold().nextAttemptAt();
        Instant leased = row.cold().isPending() ? row.cold().nextAttemptAt() : null;
        if (leased != null && (due == null || leased.isAfter(due))) {
            due = leased;
        }
        String recordId = row.coldRecordId() != null ? row.coldRecordId() : newer.coldRecordId();
        return newer.withState(Destination.COLD, new DestinationState(SyncStatus.PENDING, 0, null, due))
                .withColdRecordId(recordId);
    }

    @Override
    public synchronized List<EntryRevision> history(String owner, UUID id) {
        TimeEntry row = rows.get(id);
        if (row == null || !row.owner().equals(owner)) {
            return List.of();
        }
        return List.copyOf(history.getOrDefault(id, Map.of()).values());
    }

    @Override
    public synchronized Optional<TimeEntry> get(String owner, UUID id) {
        return Optional.ofNullable(rows.get(id)).filter(e -> e.owner().equals(owner));
    }

    @Override
    public synchronized List<TimeEntry> range(String owner, LocalDate from, LocalDate to) {
        return rows.values().stream()
                .filter(e -> e.owner().equals(owner) && !e.workDate().isBefore(from) && !e.workDate().isAfter(to))
                .sorted(Comparator.comparing(TimeEntry::workDate).thenComparing(TimeEntry::createdAt))
                .toList();
    }

    @Override
    public synchronized void updateCold(List<TimeEntry> entries) {
        for (TimeEntry e : entries) {
            rows.computeIfPresent(e.id(), (id, row) -> row.version() != e.version()
                    || row.cold().isSynced() && !e.cold().isSynced() ? row
                    : row.withState(Destination.COLD, e.cold()).withColdRecordId(e.coldRecordId()));
        }
    }

    @Override
    public synchronized List<TimeEntry> claimColdDue(Instant now, Duration lease, int limit) {
        List<TimeEntry> due = Oldest.first(rows.values().stream().filter(e -> e.cold().isDue(now)), limit,
                OLDEST_FIRST);
        for (TimeEntry e : due) {
            DestinationState c = e.cold();
            rows.put(e.id(), e.withState(Destination.COLD,
                    new DestinationState(c.status(), c.attempts(), c.lastError(), now.plus(lease))));
        }
        return due;
    }

    @Override
    public synchronized List<TimeEntry> coldBlocked(BlockedFilter filter, BlockedPosition after, int limit) {
        return Oldest.first(rows.values().stream()
                .filter(e -> filter.matches(e, Destination.COLD) && (after == null || after.isBefore(e))),
                limit, OLDEST_FIRST);
    }

    @Override
    public synchronized long coldBlockedCount() {
        return rows.values().stream().filter(e -> e.cold().isBlocked()).count();
    }

    @Override
    public synchronized long coldPendingCount() {
        return rows.values().stream().filter(e -> e.cold().isPending()).count();
    }

    @Override
    public synchronized Optional<TimeEntry> coldBlockedEntry(UUID id) {
        return Optional.ofNullable(rows.get(id)).filter(e -> e.cold().isBlocked());
    }

    @Override
    public synchronized int replayColdBlocked(BlockedFilter filter, Instant now) {
        List<TimeEntry> matching = rows.values().stream().filter(e -> filter.matches(e, Destination.COLD)).toList();
        for (TimeEntry e : matching) {
            DestinationState c = e.cold();
            rows.put(e.id(), e.withState(Destination.COLD,
                    new DestinationState(SyncStatus.PENDING, 0, c.lastError(), now)));
        }
        return matching.size();
    }

    @Override
    public synchronized Optional<String> ownerOf(UUID id) {
        return Optional.ofNullable(rows.get(id)).map(TimeEntry::owner);
    }

    /** Every stored entry, for assertions. */
    public synchronized List<TimeEntry> all() {
        return List.copyOf(rows.values());
    }
}
