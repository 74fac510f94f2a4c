package com.roofworx.sdk;

import java.util.UUID;

/** An entry with this id exists with different content. Maps to HTTP 409. */
public final class EntryConflictException extends RoofworxException {
    private static final long serialVersionUID = 1L;
    private final UUID entryId;

    private EntryConflictException(UUID entryId, String message) {
        super(message);
        this.entryId = entryId;
    }

    public static EntryConflictException of(UUID entryId) {
        return new EntryConflictException(entryId,
                "entry " + entryId + " already exists with different content; use a new id for a new entry");
    }

    public UUID entryId() {
        return entryId;
    }
}
