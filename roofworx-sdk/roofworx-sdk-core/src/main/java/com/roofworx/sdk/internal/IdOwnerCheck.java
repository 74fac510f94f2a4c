package com.roofworx.sdk.internal;

import com.roofworx.sdk.EntryConflictException;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.spi.WarmEntryStore;

import java.util.Optional;
import java.util.UUID;

/**
 * Refuses, at submit, an id another worker's entry already has in the warm store: such an entry could never
 * be synced (ids are the warm and cold keys), so accepting it would lose it from the worker's point of view.
 * Fails open: while the warm store is paused or fails, the submit goes on (hot first is the promise); the sync
 * then blocks the rare entry that really clashes, with code {@code ID_OWNED_BY_OTHER}.
 */
public final class IdOwnerCheck {
    private final WarmEntryStore warm;
    private final Pauses pauses;
    private final Events events;
    private final boolean enabled;

    public IdOwnerCheck(WarmEntryStore warm, Pauses pauses, Events events, boolean enabled) {
        this.warm = warm;
        this.pauses = pauses;
        this.events = events;
        this.enabled = enabled;
    }

    /** Throws {@link EntryConflictException} when another owner already has {@code id}. */
    void requireFreeFor(String owner, UUID id) {
        if (!enabled || pauses.seemsPaused(Destination.WARM)) {
            return;
        }
        Optional<String> holder;
        try {
            holder = warm.ownerOf(id);
        } catch (RuntimeException e) {
            events.storeFailed("warm", "ownerOf", e);
            return;
        }
        if (holder.isPresent() && !holder.get().equals(owner)) {
            throw EntryConflictException.idTaken(id);
        }
    }
}
