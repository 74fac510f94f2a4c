package com.roofworx.sdk.model;

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

    public BlockedPosition {
        Checks.notNull("createdAt", createdAt);
        Checks.notNull("id", id);
    }

    public static BlockedPosition of(TimeEntry entry) {
        return new BlockedPosition(entry.createdAt(), entry.id());
    }

    /** Whether {@code entry} lies after this position, so a page starting here includes it. */
    public boolean isBefore(TimeEntry entry) {
        return compareTo(of(entry)) < 0;
    }

    @Override
    public int compareTo(BlockedPosition o) {
        int byTime = createdAt.compareTo(o.createdAt);
        if (byTime != 0) {
            return byTime;
        }
        // Unsigned, byte by byte, as PostgreSQL orders uuids (Java's UUID.compareTo is signed).
        int high = Long.compareUnsigned(id.getMostSignificantBits(), o.id.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(id.getLeastSignificantBits(), o.id.getLeastSignificantBits());
    }
}
