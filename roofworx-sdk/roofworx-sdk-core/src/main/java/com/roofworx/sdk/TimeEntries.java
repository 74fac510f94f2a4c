package com.roofworx.sdk;

import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Submitting and reading a worker's time entries. Every call is scoped to the given user. */
public interface TimeEntries {

    /**
     * Validates and stores an entry for {@code user} (write-behind: it is synced to the warm and cold
     * destinations afterwards). Idempotent by id: the same id with the same content answers the stored
     * entry and writes nothing; with other content it is a conflict. When the hot store is down the entry
     * is written straight to the warm store and the submit still succeeds.
     *
     * @throws ValidationException          a field is out of range; names the field and value
     * @throws ProjectNotAllowedException   the user may not book to the project
     * @throws EntryConflictException       the id exists with different content
     * @throws StoreUnavailableException    neither the hot nor the warm store took the entry: nothing was stored
     */
    SubmitResult submit(String user, EntryDraft draft);

    /**
     * Replaces the content of the user's entry {@code id} with {@code draft}'s, as version
     * {@code expectedVersion + 1}, provided the entry is at {@code expectedVersion} (optimistic locking: the
     * version the caller read). The same field and project rules as {@link #submit} apply, and the entry's work
     * date must be within the correction window ({@link RoofworxConfig#correctionWindow()}). The new version is
     * synced like a submit; an older version never overwrites it in any tier. Idempotent: sending the same change
     * again (same expected version, same content) answers the entry with {@code changed} false.
     *
     * @throws ValidationException            a field is out of range, or {@code draft}'s id is another entry's
     * @throws ProjectNotAllowedException     the user may not book to the new project
     * @throws EntryNotFoundException         the user has no entry with this id (also for another user's id)
     * @throws StaleVersionException          the entry is at another version
     * @throws CorrectionNotAllowedException  the correction window has closed, or the entry is voided
     * @throws StoreUnavailableException      the change could not be stored: nothing was changed
     */
    ChangeResult correct(String user, UUID id, int expectedVersion, EntryDraft draft);

    /**
     * Voids the user's entry {@code id} (version {@code expectedVersion + 1}): it is kept in every tier, marked
     * voided, and left out of {@link #list(String, LocalDate, LocalDate)}. Same version, window and idempotency
     * rules as {@link #correct}.
     *
     * @throws EntryNotFoundException         the user has no entry with this id (also for another user's id)
     * @throws StaleVersionException          the entry is at another version
     * @throws CorrectionNotAllowedException  the correction window has closed, or the entry is already voided
     * @throws StoreUnavailableException      the change could not be stored: nothing was changed
     */
    ChangeResult voidEntry(String user, UUID id, int expectedVersion);

    /**
     * The user's entry with this id (voided ones too), at its newest version. Miss: empty for an unknown id and
     * for another user's id alike.
     */
    Optional<TimeEntry> get(String user, UUID id);

    /**
     * The user's entries with {@code from <= workDate <= to}, newest work date first, without voided entries.
     * Recent dates come from the hot tier merged with the warm store, so an entry the hot tier lost is still shown.
     *
     * @throws ValidationException when {@code from} is after {@code to}
     */
    default List<TimeEntry> list(String user, LocalDate from, LocalDate to) {
        return list(user, from, to, false);
    }

    /**
     * As {@link #list(String, LocalDate, LocalDate)}; with {@code includeVoided} voided entries are listed too.
     *
     * @throws ValidationException when {@code from} is after {@code to}
     */
    List<TimeEntry> list(String user, LocalDate from, LocalDate to, boolean includeVoided);

    /** The stored entry, and whether this submit created it (false for an idempotent repeat). */
    record SubmitResult(TimeEntry entry, boolean created) {
    }

    /** The entry after a correction or void, and whether this call changed it (false for a repeated change). */
    record ChangeResult(TimeEntry entry, boolean changed) {
    }
}
