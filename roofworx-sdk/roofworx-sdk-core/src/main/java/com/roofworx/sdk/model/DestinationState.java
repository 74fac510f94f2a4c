package com.roofworx.sdk.model;

import com.roofworx.sdk.Checks;

import java.time.Instant;

/**
 * An entry's sync state with one destination.
 *
 * @param status        pending, synced or blocked
 * @param attempts      failed attempts so far (reset by a replay)
 * @param lastError     the last failure's message, or null. A refusal that blocked the entry reads
 *                      {@code "CODE: message"}, the code being 1 to 64 of A-Z, 0-9 and _ (see {@link #errorCode()})
 * @param nextAttemptAt when the engine may try again; null once synced
 */
public record DestinationState(SyncStatus status, int attempts, String lastError, Instant nextAttemptAt) {
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z0-9_]{1,64}");

    public DestinationState {
        Checks.notNull("status", status);
        Checks.atLeast("attempts", attempts, 0);
    }

    /** Fresh state: due at {@code now}. */
    public static DestinationState pending(Instant now) {
        return new DestinationState(SyncStatus.PENDING, 0, null, now);
    }

    /** @return the state of an entry the destination holds, never null */
    public static DestinationState synced() {
        return new DestinationState(SyncStatus.SYNCED, 0, null, null);
    }

    /** Waiting for a paused destination: due at {@code retryAt}, attempts unchanged. */
    public DestinationState waiting(Instant retryAt) {
        return new DestinationState(SyncStatus.PENDING, attempts, lastError, retryAt);
    }

    /**
     * One more failed attempt, due again at {@code retryAt}.
     *
     * @param error   what failed
     * @param retryAt when to try again
     * @return the new state, never null
     */
    public DestinationState failed(String error, Instant retryAt) {
        return new DestinationState(SyncStatus.PENDING, attempts + 1, error, retryAt);
    }

    /**
     * Refused by the destination: parked until replayed.
     *
     * @param error the refusal, see {@link #refusal(String, String)}
     * @return the new state, never null
     */
    public DestinationState blocked(String error) {
        return new DestinationState(SyncStatus.BLOCKED, attempts + 1, error, null);
    }

    /**
     * A refusal's message in the form {@link #errorCode()} expects: {@code "CODE: message"}. An unusable code
     * becomes {@code REFUSED}, so every blocked entry has a code to filter on.
     */
    public static String refusal(String code, String message) {
        String usable = code != null && CODE.matcher(code).matches() ? code : "REFUSED";
        return usable + ": " + message;
    }

    /** The code of a blocking refusal ({@code INVALID_DATA}, {@code UNKNOWN_WORKER}...), or null. */
    public String errorCode() {
        if (lastError == null) {
            return null;
        }
        int colon = lastError.indexOf(": ");
        if (colon <= 0) {
            return null;
        }
        String code = lastError.substring(0, colon);
        return CODE.matcher(code).matches() ? code : null;
    }

    /** @return whether the destination still has to take the entry */
    public boolean isPending() {
        return status == SyncStatus.PENDING;
    }

    /** @return whether the destination holds the entry */
    public boolean isSynced() {
        return status == SyncStatus.SYNCED;
    }

    /** @return whether the destination refused the entry */
    public boolean isBlocked() {
        return status == SyncStatus.BLOCKED;
    }

    /** Pending and due at {@code now}. */
    public boolean isDue(Instant now) {
        return isPending() && (nextAttemptAt == null || !nextAttemptAt.isAfter(now));
    }
}
