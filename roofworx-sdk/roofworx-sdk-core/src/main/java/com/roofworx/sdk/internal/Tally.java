package com.roofworx.sdk.internal;

import com.roofworx.sdk.SyncEngine.SyncReport;

/** Counts one sync run's outcomes; confined to the thread running it. */
final class Tally {
    int claimed;
    int warmSynced;
    int coldSynced;
    int failed;
    int blocked;
    int leaseLost;

    SyncReport report() {
        return new SyncReport(claimed, warmSynced, coldSynced, failed, blocked, leaseLost);
    }
}
