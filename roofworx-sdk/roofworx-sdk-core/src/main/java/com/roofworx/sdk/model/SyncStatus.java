package com.roofworx.sdk.model;

/** Where an entry stands with one destination. */
public enum SyncStatus {
    /** Not yet written there; the sync engine will try (again) at the state's next-attempt time. */
    PENDING,
    /** Written there; nothing more to do. */
    SYNCED,
    /** Parked after too many failures or a permanent rejection: kept, listed, and replayable. */
    BLOCKED
}
