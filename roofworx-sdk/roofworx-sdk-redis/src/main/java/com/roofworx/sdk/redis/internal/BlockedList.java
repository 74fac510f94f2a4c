package com.roofworx.sdk.redis.internal;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.TimeEntry;
import io.lettuce.core.ScriptOutputType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The list of entries the warm store refused, across users: a zset in the {@code {q}} slot (member: id then
 * owner, score: created-at in whole milliseconds) plus a hash from id to owner for lookups by id. The entries
 * themselves stay in their users' slots, so a listing is one scan script and one pipelined batch of GETs.
 * <p>
 * A listing may name an entry that is not blocked (a completion lists before it writes; see
 * {@code RedisHotEntryStore}): such members are skipped, not removed, because removing one could race the
 * completion that is blocking it. Members whose entry is gone are removed.
 */
public final class BlockedList {
    private static final int ID_LENGTH = 22;
    private static final int MIN_CHUNK = 128;
    private static final int MAX_CHUNK = 2_000;
    /**
     * A chunk reads this many members beyond the page: the cursor's own millisecond is read again (its members
     * up to the cursor are dropped), and without slack that alone would cost a second scan for most pages.
     */
    private static final int SLACK = 32;
    private static final Comparator<TimeEntry> ORDER = Comparator.comparing(BlockedPosition::of);

    private final RedisOps ops;
    private final RedisKeys keys;

    public BlockedList(RedisOps ops, RedisKeys keys) {
        this.ops = ops;
        this.keys = keys;
    }

    public CompletableFuture<Long> block(TimeEntry entry) {
        return ops.eval(BlockedScripts.BLOCK, ScriptOutputType.INTEGER, keys.blockedStep(),
                Long.toString(entry.createdAt().toEpochMilli()), member(entry.owner(), entry.id()),
                Ids.encode(entry.id()), entry.owner());
    }

    /** Takes the entries off the list in one script call. */
    public CompletableFuture<Long> unblock(List<TimeEntry> entries) {
        return unblockMembers(entries.stream().map(e -> member(e.owner(), e.id())).toList());
    }

    private CompletableFuture<Long> unblockMembers(List<String> members) {
        List<String> args = new ArrayList<>(members.size() * 2);
        for (String member : members) {
            args.add(member);
            args.add(member.substring(0, ID_LENGTH));
        }
        return ops.eval(BlockedScripts.UNBLOCK, ScriptOutputType.INTEGER, keys.blockedStep(),
                args.toArray(String[]::new));
    }

    public CompletableFuture<Long> count() {
        return ops.commands().zcard(keys.blocked()).toCompletableFuture();
    }

    /**
     * Blocked entries {@code filter} matches, after {@code after}, in (created-at, id) order. Scans from the
     * cursor's millisecond (inclusive: ties in that millisecond may lie on either side of the cursor, so they
     * are fetched and compared exactly) in chunks that end on a millisecond boundary.
     */
    public List<TimeEntry> page(BlockedFilter filter, BlockedPosition after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        int chunk = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, limit + SLACK));
        String min = lowerBound(filter, after);
        String max = filter.createdBefore() == null ? "+inf" : Long.toString(filter.createdBefore().toEpochMilli());
        List<TimeEntry> found = new ArrayList<>();
        while (true) {
            List<Object> flat = ops.await(ops.<List<Object>>eval(BlockedScripts.SCAN, ScriptOutputType.MULTI,
                    keys.blockedStep(), min, max, Integer.toString(chunk)), "blocked");
            List<TimeEntry> matched = fetch(flat, filter);
            matched.removeIf(e -> after != null && !after.isBefore(e));
            matched.sort(ORDER);
            found.addAll(matched);
            if (found.size() >= limit) {
                return List.copyOf(found.subList(0, limit));
            }
            if (flat.size() < 2 * chunk) {
                return found;
            }
            min = "(" + flat.get(flat.size() - 1);
        }
    }

    /** The blocked entry with this id: its owner from the hash, then the entry. Two round trips, any size. */
    public Optional<TimeEntry> find(UUID id) {
        String encoded = Ids.encode(id);
        String owner = ops.await(ops.commands().hget(keys.blockedOwners(), encoded), "blockedEntry");
        if (owner == null) {
            return Optional.empty();
        }
        String value = ops.await(ops.commands().get(keys.entry(owner, id)), "blockedEntry");
        return Optional.ofNullable(value).map(v -> EntryCodec.decode(owner, id, v))
                .filter(TimeEntry::isWarmBlocked);
    }

    private static String lowerBound(BlockedFilter filter, BlockedPosition after) {
        long from = Long.MIN_VALUE;
        if (after != null) {
            from = after.createdAt().toEpochMilli();
        }
        if (filter.createdFrom() != null) {
            from = Math.max(from, filter.createdFrom().toEpochMilli());
        }
        return from == Long.MIN_VALUE ? "-inf" : Long.toString(from);
    }

    /** GETs the chunk's entries (skipping other owners without reading them) and keeps those that match. */
    private List<TimeEntry> fetch(List<Object> flat, BlockedFilter filter) {
        List<String> members = new ArrayList<>(flat.size() / 2);
        List<CompletableFuture<String>> values = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            String member = (String) flat.get(i);
            if (filter.owner() == null || filter.owner().equals(memberOwner(member))) {
                members.add(member);
                values.add(ops.commands().get(keys.entry(memberOwner(member), memberId(member)))
                        .toCompletableFuture());
            }
        }
        List<TimeEntry> matched = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            String member = members.get(i);
            String value = ops.await(values.get(i), "blocked");
            if (value == null) {
                gone.add(member);
                continue;
            }
            TimeEntry entry = EntryCodec.decode(memberOwner(member), memberId(member), value);
            if (filter.matches(entry, Destination.WARM)) {
                matched.add(entry);
            }
        }
        if (!gone.isEmpty()) {
            ops.await(unblockMembers(gone), "blocked");
        }
        return matched;
    }

    /** The id first (fixed length), so an owner with any characters parses back. */
    static String member(String owner, UUID id) {
        return Ids.encode(id) + owner;
    }

    static UUID memberId(String member) {
        return Ids.decode(member.substring(0, ID_LENGTH));
    }

    static String memberOwner(String member) {
        return member.substring(ID_LENGTH);
    }
}
