package com.roofworx.sdk;

import java.util.UUID;

/** An entry with this id exists with different content, or belongs to another worker. Maps to HTTP 409. */
public final class EntryConflictException extends RoofworxException {
    private static final long serialVersionUID = 1L;
    private final UUID entryId;

    private EntryConflictException(UUID entryId, String message) {
        super(message);
        this.entryId = entryId;
    }

    /**
     * The id exists with different content; the message says to use a new id.
     *
     * @param entryId the submitted id
     * @return the exception, never null
     */
    public static EntryConflictException of(UUID entryId) {
        return new EntryConflictException(entryId,
                "entry " + entryId + " already exists with different content; use a new id for a new entry");
    }

    /**
     * The id is already used by another worker's entry. The message does not say whose, so a caller learns
     * nothing about other workers' entries beyond "pick another id".
     */
    public static EntryConflictException idTaken(UUID entryId) {
        return new EntryConflictException(entryId,
                "entry id " + entryId + " is already in use; use a new id for a new entry");
    }

    /** @return the id that conflicts, never null */
    public UUID entryId() {
        return entryId;
    }
}
