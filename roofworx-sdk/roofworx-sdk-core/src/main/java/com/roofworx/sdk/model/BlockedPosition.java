package com.roofworx.sdk.model;

import com.roofworx.sdk.Checks;

import java.time.Instant;
import java.util.UUID;

/**
 * A place in the order blocked entries are listed in (created-at, then id as unsigned bytes): a page starts
 * after it.
 *
 * @param createdAt the last listed entry's created-at
 * @param id        the last listed entry's id
 */
public record BlockedPosition(Instant createdAt, UUID id) implements Comparable<BlockedPosition> {
    /** Entries in listing order, compared without building positions. */
    public static final java.util.Comparator<TimeEntry> ORDER = (a, b) -> compare(a.createdAt(), a.id(),
            b.createdAt(), b.id());

    public BlockedPosition {
        Checks.notNull("createdAt", createdAt);
        Checks.notNull("id", id);
    }

    /**
     * @param entry a blocked entry
     * @return the position just at that entry, never null
     */
    public static BlockedPosition of(TimeEntry entry) {
        return new BlockedPosition(entry.createdAt(), entry.id());
    }

    /** Whether {@code entry} lies after this position, so a page starting here includes it. */
    public boolean isBefore(TimeEntry entry) {
        return compare(createdAt, id, entry.createdAt(), entry.id()) < 0;
    }

    @Override
    public int compareTo(BlockedPosition o) {
        return compare(createdAt, id, o.createdAt, o.id);
    }

    private static int compare(Instant at, UUID id, Instant otherAt, UUID otherId) {
        int byTime = at.compareTo(otherAt);
        if (byTime != 0) {
            return byTime;
        }
        // Unsigned, byte by byte, as PostgreSQL orders uuids (Java's UUID.compareTo is signed).
        int high = Long.compareUnsigned(id.getMostSignificantBits(), otherId.getMostSignificantBits());
        return high != 0 ? high
                : Long.compareUnsigned(id.getLeastSignificantBits(), otherId.getLeastSignificantBits());
    }
}
