package com.roofworx.sdk;

import java.util.UUID;

/**
 * The caller has no entry with this id. Said alike for an unknown id and for another worker's entry, so a
 * caller learns nothing about other workers' entries. Maps to HTTP 404.
 */
public final class EntryNotFoundException extends RoofworxException {
    private static final long serialVersionUID = 1L;
    private final UUID entryId;

    private EntryNotFoundException(UUID entryId) {
        super("no entry " + entryId);
        this.entryId = entryId;
    }

    public static EntryNotFoundException of(UUID entryId) {
        return new EntryNotFoundException(entryId);
    }

    /** The id asked for. */
    public UUID entryId() {
        return entryId;
    }
}
