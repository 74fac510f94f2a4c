package com.roofworx.sdk.spi;

/**
 * The class of a failure, as the sync engine reads it.
 * <ul>
 *   <li>For a <b>whole call</b> (an exception from a store or sink): either kind pauses that destination and
 *       never blocks an entry; the kind tells an operator whether to wait ({@code TRANSIENT}) or to act
 *       ({@code PERMANENT}: a revoked grant, a missing scope, a wrong setting).</li>
 *   <li>For <b>one record</b> (a per-entry outcome): {@code TRANSIENT} is retried with backoff, {@code PERMANENT}
 *       (the destination refuses that record on its merits) blocks the entry.</li>
 * </ul>
 */
public enum FailureKind {
    /** Down, overloaded or slow: timeouts, 5xx, 429, refused connections, lock timeouts, an exhausted pool. */
    TRANSIENT,
    /** Retrying the same thing cannot help until something is fixed (data, or the destination's setup). */
    PERMANENT
}
