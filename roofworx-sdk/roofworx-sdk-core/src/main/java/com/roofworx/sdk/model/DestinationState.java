package com.roofworx.sdk.model;

import java.time.Instant;

/**
 * An entry's sync state with one destination.
 *
 * @param status        pending, synced or blocked
 * @param attempts      failed attempts so far (reset by a replay)
 * @param lastError     the last failure's message, or null
 * @param nextAttemptAt when the engine may try again; null once synced
 */
public record DestinationState(SyncStatus status, int attempts, String lastError, Instant nextAttemptAt) {

    public DestinationState {
        Checks.notNull("status", status);
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be >= 0 but was " + attempts);
        }
    }

    /** Fresh state: due at {@code now}. */
    public static DestinationState pending(Instant now) {
        return new DestinationState(SyncStatus.PENDING, 0, null, now);
    }

    public static DestinationState synced() {
        return new DestinationState(SyncStatus.SYNCED, 0, null, null);
    }

    public DestinationState failed(String error, Instant retryAt) {
        return new DestinationState(SyncStatus.PENDING, attempts + 1, error, retryAt);
    }

    public DestinationState blocked(String error) {
        return new DestinationState(SyncStatus.BLOCKED, attempts + 1, error, null);
    }

    public boolean isPending() {
        return status == SyncStatus.PENDING;
    }

    public boolean isSynced() {
        return status == SyncStatus.SYNCED;
    }

    public boolean isBlocked() {
        return status == SyncStatus.BLOCKED;
    }

    /** Pending and due at {@code now}. */
    public boolean isDue(Instant now) {
        return isPending() && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
    }
}
