package com.roofworx.sdk.internal;

import com.roofworx.sdk.SyncEngine.BlockedPage;
import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.WarmEntryStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Blocked entries, wherever they are kept: those the warm store refused sit on the hot store's blocked list,
 * those the cold sink refused are marked in the warm store. Listing pages through the first, then the second;
 * the cursor says which and where. Bulk replay of cold refusals is one statement in the warm store.
 */
final class BlockedWork {
    static final int MAX_PAGE = 1_000;
    /** How many hot entries one bulk-replay round requeues (one pipelined round trip in the Redis adapter). */
    private static final int REPLAY_CHUNK = 1_000;

    private final HotEntryStore hot;
    private final WarmEntryStore warm;
    private final Clock clock;
    private final Events events;

    BlockedWork(HotEntryStore hot, WarmEntryStore warm, Clock clock, Events events) {
        this.hot = hot;
        this.warm = warm;
        this.clock = clock;
        this.events = events;
    }

    BlockedPage page(BlockedFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ValidationException.of("limit", limit, "must be between 1 and " + MAX_PAGE);
        }
        Cursor at = Cursor.parse(cursor);
        List<TimeEntry> entries = new ArrayList<>();
        if (at.destination == Destination.WARM && includes(filter, Destination.WARM)) {
            entries.addAll(hot.blocked(filter, at.after, limit + 1));
            if (entries.size() > limit) {
                return new BlockedPage(entries.subList(0, limit), Cursor.after(Destination.WARM, entries.get(limit - 1)));
            }
            at = Cursor.START_COLD;
        }
        if (includes(filter, Destination.COLD)) {
            int room = limit - entries.size();
            List<TimeEntry> fromWarm = warm.coldBlocked(filter, at.after, room + 1);
            if (fromWarm.size() > room) {
                entries.addAll(fromWarm.subList(0, room));
                return new BlockedPage(entries, room == 0 ? Cursor.START_COLD.text()
                        : Cursor.after(Destination.COLD, fromWarm.get(room - 1)));
            }
            entries.addAll(fromWarm);
        }
        return new BlockedPage(entries, null);
    }

    Optional<TimeEntry> find(UUID id) {
        requireId(id);
        Optional<TimeEntry> inHot = hot.blockedEntry(id);
        return inHot.isPresent() ? inHot : warm.coldBlockedEntry(id);
    }

    boolean replay(UUID id) {
        requireId(id);
        Optional<TimeEntry> inHot = hot.blockedEntry(id);
        if (inHot.isPresent() && hot.requeue(unblock(inHot.get()))) {
            events.publish(new RoofworxEvent.EntryReplayed(id));
            return true;
        }
        Optional<TimeEntry> inWarm = warm.coldBlockedEntry(id);
        if (inWarm.isPresent()) {
            warm.updateCold(List.of(unblock(inWarm.get())));
            events.publish(new RoofworxEvent.EntryReplayed(id));
            return true;
        }
        return false;
    }

    int replayAll(BlockedFilter filter) {
        int count = 0;
        if (includes(filter, Destination.WARM)) {
            BlockedPosition after = null;
            List<TimeEntry> chunk;
            do {
                chunk = hot.blocked(filter, after, REPLAY_CHUNK);
                if (!chunk.isEmpty()) {
                    count += hot.requeueAll(chunk.stream().map(this::unblock).toList());
                    after = BlockedPosition.of(chunk.get(chunk.size() - 1));
                }
            } while (chunk.size() == REPLAY_CHUNK);
        }
        if (includes(filter, Destination.COLD)) {
            count += warm.replayColdBlocked(filter, clock.now());
        }
        events.publish(new RoofworxEvent.EntriesReplayed(count, filter));
        return count;
    }

    private static boolean includes(BlockedFilter filter, Destination destination) {
        return filter.destination() == null || filter.destination() == destination;
    }

    private TimeEntry unblock(TimeEntry entry) {
        TimeEntry next = entry;
        Instant now = clock.now();
        for (Destination d : Destination.values()) {
            if (next.state(d).isBlocked()) {
                next = next.withState(d, DestinationState.pending(now));
            }
        }
        return next;
    }

    private static void requireId(UUID id) {
        if (id == null) {
            throw ValidationException.of("id", null, "must be given");
        }
    }

    /** Where a listing goes on: which store, and after which entry. Opaque to callers. */
    private record Cursor(Destination destination, BlockedPosition after) {
        static final Cursor START = new Cursor(Destination.WARM, null);
        static final Cursor START_COLD = new Cursor(Destination.COLD, null);

        static Cursor parse(String text) {
            if (text == null || text.isEmpty()) {
                return START;
            }
            String[] parts = text.split("~", -1);
            try {
                Destination d = switch (parts[0]) {
                    case "w" -> Destination.WARM;
                    case "c" -> Destination.COLD;
                    default -> throw new IllegalArgumentException(parts[0]);
                };
                if (parts.length == 1) {
                    return new Cursor(d, null);
                }
                if (parts.length != 4) {
                    throw new IllegalArgumentException("parts");
                }
                Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                return new Cursor(d, new BlockedPosition(at, UUID.fromString(parts[3])));
            } catch (RuntimeException e) {
                throw ValidationException.of("cursor", text, "must be a cursor from a previous page");
            }
        }

        static String after(Destination d, TimeEntry last) {
            return (d == Destination.WARM ? "w" : "c") + "~" + last.createdAt().getEpochSecond() + "~"
                    + last.createdAt().getNano() + "~" + last.id();
        }

        String text() {
            return destination == Destination.WARM ? "w" : "c";
        }
    }
}
