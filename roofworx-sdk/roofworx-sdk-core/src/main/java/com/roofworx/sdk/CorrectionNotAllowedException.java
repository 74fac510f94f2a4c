package com.roofworx.sdk;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The entry may no longer be changed: its correction window has closed, or it is voided. Maps to HTTP 409.
 */
public final class CorrectionNotAllowedException extends RoofworxException {
    private static final long serialVersionUID = 1L;
    private final UUID entryId;

    private CorrectionNotAllowedException(UUID entryId, String message) {
        super(message);
        this.entryId = entryId;
    }

    /** The window for corrections ended at the end of {@code lastDay} (UTC). */
    public static CorrectionNotAllowedException windowClosed(UUID entryId, LocalDate lastDay) {
        return new CorrectionNotAllowedException(entryId,
                "entry " + entryId + " could be changed until " + lastDay + "; ask the office to correct it");
    }

    /** A voided entry stays as it is; a new entry is the way to book the time again. */
    public static CorrectionNotAllowedException voided(UUID entryId) {
        return new CorrectionNotAllowedException(entryId,
                "entry " + entryId + " is voided and cannot be changed; submit a new entry instead");
    }

    /** The entry's id. */
    public UUID entryId() {
        return entryId;
    }
}
