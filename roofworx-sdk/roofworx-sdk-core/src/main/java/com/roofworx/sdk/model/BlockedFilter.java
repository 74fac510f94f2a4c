package com.roofworx.sdk.model;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Which blocked entries to list or replay. Every criterion is optional: null matches anything.
 *
 * @param destination   only entries blocked for this destination
 * @param errorCode     only entries whose blocking error has this code ({@link DestinationState#errorCode()})
 * @param owner         only this worker's entries (lower-case e-mail)
 * @param createdFrom   only entries created at or after this instant
 * @param createdBefore only entries created before this instant
 */
public record BlockedFilter(Destination destination, String errorCode, String owner, Instant createdFrom,
                            Instant createdBefore) {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}");
    private static final BlockedFilter ALL = new BlockedFilter(null, null, null, null, null);

    public BlockedFilter {
        if (errorCode != null && !CODE.matcher(errorCode).matches()) {
            throw com.roofworx.sdk.ValidationException.of("errorCode", errorCode,
                    "must be 1 to 64 of A-Z, 0-9 and _");
        }
        if (owner != null && owner.isBlank()) {
            throw com.roofworx.sdk.ValidationException.of("owner", owner, "must not be blank");
        }
        if (createdFrom != null && createdBefore != null && !createdFrom.isBefore(createdBefore)) {
            throw com.roofworx.sdk.ValidationException.of("createdFrom", createdFrom,
                    "must be before createdBefore (" + createdBefore + ")");
        }
    }

    /** Every blocked entry. */
    public static BlockedFilter all() {
        return ALL;
    }

    /**
     * @param value only entries blocked for this destination; null for any
     * @return a new filter, never null
     */
    public BlockedFilter destination(Destination value) {
        return new BlockedFilter(value, errorCode, owner, createdFrom, createdBefore);
    }

    /**
     * @param value only entries refused with this code; null for any
     * @return a new filter, never null
     */
    public BlockedFilter errorCode(String value) {
        return new BlockedFilter(destination, value, owner, createdFrom, createdBefore);
    }

    /**
     * @param value only this worker's entries; null for any
     * @return a new filter, never null
     */
    public BlockedFilter owner(String value) {
        return new BlockedFilter(destination, errorCode, value, createdFrom, createdBefore);
    }

    /**
     * @param from   only entries created at or after this instant; null for no lower bound
     * @param before only entries created before this instant; null for no upper bound
     * @return a new filter, never null
     */
    public BlockedFilter created(Instant from, Instant before) {
        return new BlockedFilter(destination, errorCode, owner, from, before);
    }

    /**
     * Whether {@code entry} is blocked for {@code at} and meets every other criterion. {@code at} is the
     * destination the asking store keeps blocked entries for; the filter's own destination is checked too.
     */
    public boolean matches(TimeEntry entry, Destination at) {
        DestinationState state = entry.state(at);
        return state.isBlocked()
                && (destination == null || destination == at)
                && (errorCode == null || errorCode.equals(state.errorCode()))
                && (owner == null || owner.equals(entry.owner()))
                && (createdFrom == null || !entry.createdAt().isBefore(createdFrom))
                && (createdBefore == null || entry.createdAt().isBefore(createdBefore));
    }
}
