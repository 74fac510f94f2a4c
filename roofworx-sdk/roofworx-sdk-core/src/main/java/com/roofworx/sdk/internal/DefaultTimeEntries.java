package com.roofworx.sdk.internal;

import com.roofworx.sdk.EntryConflictException;
import com.roofworx.sdk.ProjectCatalog;
import com.roofworx.sdk.ProjectNotAllowedException;
import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.TimeEntries;
import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.WarmEntryStore;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Submit (hot first, warm as fallback) and reads (hot merged with warm). */
public final class DefaultTimeEntries implements TimeEntries {
    private static final Comparator<TimeEntry> NEWEST_FIRST = Comparator.comparing(TimeEntry::workDate)
            .thenComparing(TimeEntry::createdAt).thenComparing(TimeEntry::id).reversed();

    private final HotEntryStore hot;
    private final WarmEntryStore warm;
    private final ProjectCatalog catalog;
    private final EntryValidator validator;
    private final Duration hotWindow;
    private final Clock clock;
    private final Events events;
    private final Runnable afterSubmit;
    private final IdOwnerCheck idOwners;
    private final Corrections corrections;

    public DefaultTimeEntries(HotEntryStore hot, WarmEntryStore warm, ProjectCatalog catalog,
                              Duration backdatingWindow, Duration hotWindow, Clock clock, Events events,
                              Runnable afterSubmit, IdOwnerCheck idOwners, Duration correctionWindow) {
        this.hot = hot;
        this.warm = warm;
        this.catalog = catalog;
        this.validator = new EntryValidator(backdatingWindow);
        this.hotWindow = hotWindow;
        this.clock = clock;
        this.events = events;
        this.afterSubmit = afterSubmit;
        this.idOwners = idOwners;
        this.corrections = new Corrections(hot, warm, catalog, validator, correctionWindow, clock, events,
                afterSubmit, (owner, id) -> read(owner, id, true));
    }

    @Override
    public SubmitResult submit(String user, EntryDraft draft) {
        String owner = Users.normalize(user);
        validator.validate(draft, today());
        UUID id = draft.id() != null ? draft.id() : UUID.randomUUID();
        if (!catalog.mayBook(owner, draft.projectId())) {
            // A repeat of an entry accepted before the project was closed is still the same entry.
            return get(owner, id).filter(stored -> stored.version() > 1 || stored.sameContentAs(draft))
                    .map(stored -> new SubmitResult(stored, false))
                    .orElseThrow(() -> ProjectNotAllowedException.of(owner, draft.projectId()));
        }
        if (draft.id() != null) {
            // Only a client's id can clash: one made here is random (122 bits), so looking it up would cost a
            // warm-store round trip per submit for an answer known in advance.
            idOwners.requireFreeFor(owner, id);
        }
        TimeEntry entry = TimeEntry.accepted(id, owner, draft, clock.now());
        SubmitResult result;
        try {
            HotEntryStore.InsertResult inserted = hot.insert(entry);
            result = acceptOrConflict(inserted.created() ? inserted.entry() : newestOf(inserted.entry()),
                    inserted.created(), draft);
            events.publish(new RoofworxEvent.EntrySubmitted(result.entry(), result.created(), RoofworxEvent.Tier.HOT));
        } catch (EntryConflictException e) {
            throw e;
        } catch (RuntimeException hotFailure) {
            events.storeFailed("hot", "insert", hotFailure);
            result = submitToWarm(entry, draft, hotFailure);
            events.publish(new RoofworxEvent.EntrySubmitted(result.entry(), result.created(), RoofworxEvent.Tier.WARM));
        }
        if (result.created()) {
            afterSubmit.run();
        }
        return result;
    }

    /**
     * A repeat found the hot copy, which may be older than the warm one (changed there while the hot store was
     * down): the repeat answers the entry as it is now. Repeats are rare (a phone resending an unanswered
     * submit), so the extra read costs nothing that matters; while the warm store is down the hot copy answers.
     */
    private TimeEntry newestOf(TimeEntry hotCopy) {
        try {
            return warm.get(hotCopy.owner(), hotCopy.id()).filter(w -> w.version() > hotCopy.version())
                    .orElse(hotCopy);
        } catch (RuntimeException e) {
            events.storeFailed("warm", "get", e);
            return hotCopy;
        }
    }

    private SubmitResult submitToWarm(TimeEntry entry, EntryDraft draft, RuntimeException hotFailure) {
        TimeEntry inWarm = entry.withState(Destination.WARM, DestinationState.synced());
        try {
            WarmEntryStore.UpsertResult upserted = warm.upsert(List.of(inWarm));
            if (upserted.rejected().containsKey(entry.id())) {
                throw ValidationException.of("entry", entry.id(), "was refused by the warm store ("
                        + upserted.rejected().get(entry.id()) + ")");
            }
            if (upserted.inserted().contains(entry.id())) {
                return new SubmitResult(inWarm, true);
            }
            TimeEntry stored = warm.get(entry.owner(), entry.id())
                    .orElseThrow(() -> EntryConflictException.of(entry.id()));
            return acceptOrConflict(stored, false, draft);
        } catch (EntryConflictException | ValidationException e) {
            throw e;
        } catch (RuntimeException warmFailure) {
            warmFailure.addSuppressed(hotFailure);
            throw StoreUnavailableException.of("hot and warm", "submit", warmFailure);
        }
    }

    @Override
    public ChangeResult correct(String user, UUID id, int expectedVersion, EntryDraft draft) {
        return corrections.correct(Users.normalize(user), id, expectedVersion, draft);
    }

    @Override
    public ChangeResult voidEntry(String user, UUID id, int expectedVersion) {
        return corrections.voidEntry(Users.normalize(user), id, expectedVersion);
    }

    /**
     * A repeated submit of an entry that was corrected since is answered with the entry as it is now: the phone
     * that resends its first submit after a correction must not see a conflict.
     */
    private static SubmitResult acceptOrConflict(TimeEntry stored, boolean created, EntryDraft draft) {
        if (!created && stored.version() == 1 && !stored.sameContentAs(draft)) {
            throw EntryConflictException.of(stored.id());
        }
        return new SubmitResult(stored, created);
    }

    @Override
    public Optional<TimeEntry> get(String user, UUID id) {
        String owner = Users.normalize(user);
        if (id == null) {
            throw ValidationException.of("id", null, "must be given");
        }
        return read(owner, id, false);
    }

    /**
     * The newest copy of the owner's entry. With {@code hotRequired} a hot store that cannot be read fails the
     * read ({@link HotUnreadable}) instead of answering the warm copy, which may be older: a correction must
     * not take a version the hot store has moved past for the current one; and a warm store that cannot be read
     * says so ({@link WarmUnreadable}, with the hot copy) instead of answering the hot copy as if it were known
     * to be the newest.
     */
    private Optional<TimeEntry> read(String owner, UUID id, boolean hotRequired) {
        Optional<TimeEntry> fromHot = Optional.empty();
        RuntimeException hotFailure = null;
        try {
            fromHot = hot.get(owner, id);
        } catch (RuntimeException e) {
            events.storeFailed("hot", "get", e);
            if (hotRequired) {
                throw new HotUnreadable(e);
            }
            hotFailure = e;
        }
        // A copy still on its way to the warm store is almost always the newest there is. Any other is checked
        // against the warm store, which may hold a newer version (changed there while the hot store was down) or
        // cold state; so is every copy a correction starts from, since "almost" is not enough there.
        if (!hotRequired && fromHot.isPresent() && fromHot.get().warm().isPending()) {
            return fromHot;
        }
        Optional<TimeEntry> fromWarm;
        try {
            fromWarm = warm.get(owner, id);
        } catch (RuntimeException e) {
            if (fromHot.isPresent()) {
                // The hot copy is right about everything but perhaps a later cold write.
                events.storeFailed("warm", "get", e);
                if (hotRequired) {
                    throw new WarmUnreadable(fromHot.get(), e);
                }
                return fromHot;
            }
            throw StoreUnavailableException.of("hot and warm", "get", e);
        }
        if (fromHot.isEmpty()) {
            if (fromWarm.isEmpty() && hotFailure != null) {
                // Not in the warm store says nothing while the hot store, which may hold it alone, is unreadable.
                throw StoreUnavailableException.of("hot", "get", hotFailure);
            }
            return fromWarm;
        }
        TimeEntry hotCopy = fromHot.get();
        return Optional.of(fromWarm.map(w -> newest(w, hotCopy)).orElse(hotCopy));
    }

    @Override
    public List<TimeEntry> list(String user, LocalDate from, LocalDate to, boolean includeVoided) {
        String owner = Users.normalize(user);
        if (from == null || to == null) {
            throw ValidationException.of(from == null ? "from" : "to", null, "must be given");
        }
        if (from.isAfter(to)) {
            throw ValidationException.of("from", from, "must not be after to (" + to + ")");
        }
        Map<UUID, TimeEntry> merged = new LinkedHashMap<>();
        boolean warmRead = readWarm(owner, from, to, merged);
        LocalDate hotStart = today().minusDays(hotWindow.toDays());
        if (!to.isBefore(hotStart)) {
            readHot(owner, from.isBefore(hotStart) ? hotStart : from, to, merged, warmRead);
        } else if (!warmRead) {
            throw StoreUnavailableException.of("warm", "list", null);
        }
        return merged.values().stream().filter(e -> includeVoided || !e.voided()).sorted(NEWEST_FIRST).toList();
    }

    /**
     * The warm store is read for recent ranges too: it is the only way to show entries the hot tier lost
     * (restart without persistence, eviction) or never had (written while it was down).
     */
    private boolean readWarm(String owner, LocalDate from, LocalDate to, Map<UUID, TimeEntry> into) {
        try {
            warm.range(owner, from, to).forEach(e -> into.put(e.id(), e));
            return true;
        } catch (RuntimeException e) {
            events.storeFailed("warm", "range", e);
            return false;
        }
    }

    private void readHot(String owner, LocalDate from, LocalDate to, Map<UUID, TimeEntry> into, boolean warmRead) {
        try {
            hot.range(owner, from, to).forEach(e -> into.merge(e.id(), e, DefaultTimeEntries::newest));
        } catch (RuntimeException e) {
            events.storeFailed("hot", "range", e);
            if (!warmRead) {
                throw StoreUnavailableException.of("hot and warm", "list", e);
            }
        }
    }

    /**
     * The newer version wins (the warm one when it was changed there while the hot store was down). Of the same
     * version, hot carries the newest warm state (a pending or refused write); the warm store tracks the cold
     * state once it holds the entry, so its cold state counts unless the hot copy already saw the cold write
     * succeed.
     */
    private static TimeEntry newest(TimeEntry fromWarm, TimeEntry fromHot) {
        if (fromWarm.version() != fromHot.version()) {
            return fromWarm.version() > fromHot.version() ? fromWarm : fromHot;
        }
        if (fromHot.cold().isSynced() || fromWarm.cold().equals(fromHot.cold())) {
            return fromHot;
        }
        return fromHot.withState(Destination.COLD, fromWarm.cold()).withColdRecordId(fromWarm.coldRecordId());
    }

    /** The hot store could not be read; {@link #getCause()} says why. */
    static final class HotUnreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HotUnreadable(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** The warm store could not be read; {@link #hotCopy} is what the hot store holds. */
    static final class WarmUnreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient TimeEntry hotCopy;

        WarmUnreadable(TimeEntry hotCopy, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.hotCopy = hotCopy;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    }
}
