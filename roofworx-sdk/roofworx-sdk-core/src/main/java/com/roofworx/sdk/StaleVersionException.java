package com.roofworx.sdk;

import java.util.UUID;

/**
 * A correction named a version the entry no longer has: someone (perhaps the same worker on another phone)
 * changed it since it was read. Maps to HTTP 412; the caller reads the entry again and decides.
 */
public final class StaleVersionException extends RoofworxException {
    private static final long serialVersionUID = 1L;
    private final UUID entryId;
    private final int currentVersion;

    private StaleVersionException(UUID entryId, int expectedVersion, int currentVersion) {
        super("entry " + entryId + " is at version " + currentVersion + ", not " + expectedVersion
                + "; read it again before changing it");
        this.entryId = entryId;
        this.currentVersion = currentVersion;
    }

    public static StaleVersionException of(UUID entryId, int expectedVersion, int currentVersion) {
        return new StaleVersionException(entryId, expectedVersion, currentVersion);
    }

    /** The entry's id. */
    public UUID entryId() {
        return entryId;
    }

    /** The version the entry has now. */
    public int currentVersion() {
        return currentVersion;
    }
}
