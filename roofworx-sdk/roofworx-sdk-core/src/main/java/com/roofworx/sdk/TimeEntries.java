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

    /** The user's entry with this id. Miss: empty for an unknown id and for another user's id alike. */
    Optional<TimeEntry> get(String user, UUID id);

    /**
     * The user's entries with {@code from <= workDate <= to}, newest work date first. Recent dates come from
     * the hot tier merged with the warm store, so an entry the hot tier lost is still shown.
     *
     * @throws ValidationException when {@code from} is after {@code to}
     */
    List<TimeEntry> list(String user, LocalDate from, LocalDate to);

    /** The stored entry, and whether this submit created it (false for an idempotent repeat). */
    record SubmitResult(TimeEntry entry, boolean created) {
    }
}
