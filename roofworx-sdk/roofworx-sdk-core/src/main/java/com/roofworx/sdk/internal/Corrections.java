package com.roofworx.sdk.internal;

import com.roofworx.sdk.CorrectionNotAllowedException;
import com.roofworx.sdk.EntryNotFoundException;
import com.roofworx.sdk.ProjectCatalog;
import com.roofworx.sdk.ProjectNotAllowedException;
import com.roofworx.sdk.StaleVersionException;
import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.TimeEntries.ChangeResult;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Corrections and voids: a compare-and-set on the entry's version, in the hot store when it is up, else in the
 * warm store under the same rule. The new version is queued like a submit, so it reaches the warm store (which
 * keeps only the newest version and a history of all) and then the cold sink. See docs/engine-design.md.
 */
final class Corrections {
    private final HotEntryStore hot;
    private final WarmEntryStore warm;
    private final ProjectCatalog catalog;
    private final EntryValidator validator;
    private final Duration window;
    private final Clock clock;
    private final Events events;
    private final Runnable afterChange;
    private final BiFunction<String, UUID, Optional<TimeEntry>> read;

    Corrections(HotEntryStore hot, WarmEntryStore warm, ProjectCatalog catalog, EntryValidator validator,
                Duration window, Clock clock, Events events, Runnable afterChange,
                BiFunction<String, UUID, Optional<TimeEntry>> read) {
        this.hot = hot;
        this.warm = warm;
        this.catalog = catalog;
        this.validator = validator;
        this.window = window;
        this.clock = clock;
        this.events = events;
        this.afterChange = afterChange;
        this.read = read;
    }

    ChangeResult correct(String owner, UUID id, int expectedVersion, EntryDraft draft) {
        requireId(id);
        validator.validate(draft, today());
        if (draft.id() != null && !draft.id().equals(id)) {
            throw ValidationException.of("id", draft.id(), "must be the corrected entry's id " + id + " or absent");
        }
        if (!catalog.mayBook(owner, draft.projectId())) {
            throw ProjectNotAllowedException.of(owner, draft.projectId());
        }
        return change(owner, id, expectedVersion, new Change(draft.withId(id), false));
    }

    ChangeResult voidEntry(String owner, UUID id, int expectedVersion) {
        requireId(id);
        return change(owner, id, expectedVersion, null);
    }

    /** {@code change} null: void the entry as it is. */
    private ChangeResult change(String owner, UUID id, int expectedVersion, Change change) {
        if (expectedVersion < 1) {
            throw ValidationException.of("version", expectedVersion, "must be at least 1");
        }
        TimeEntry current;
        RuntimeException warmFailure = null;
        try {
            current = read.apply(owner, id).orElseThrow(() -> EntryNotFoundException.of(id));
        } catch (DefaultTimeEntries.HotUnreadable e) {
            return changeInWarm(owner, id, expectedVersion, change, (RuntimeException) e.getCause());
        } catch (DefaultTimeEntries.WarmUnreadable e) {
            current = e.hotCopy;
            warmFailure = (RuntimeException) e.getCause();
        }
        // The version the hot store is expected to hold: the read's, unless the hot copy turns out to be behind
        // the warm one (changed in the warm store while the hot store was down), which is then overwritten.
        int hotVersion = current.version();
        for (int attempt = 0; attempt < 3; attempt++) {
            Change wanted = change != null ? change : new Change(current.content(), true);
            if (alreadyApplied(current, expectedVersion, wanted)) {
                return new ChangeResult(current, false);
            }
            check(current, expectedVersion, warmFailure);
            TimeEntry next = current.nextVersion(wanted.content, wanted.voided, clock.now());
            HotEntryStore.ReplaceResult replaced;
            try {
                replaced = hot.replace(next, hotVersion);
            } catch (RuntimeException hotFailure) {
                events.storeFailed("hot", "replace", hotFailure);
                return changeInWarm(owner, id, expectedVersion, wanted, hotFailure);
            }
            if (replaced.replaced()) {
                events.publish(new RoofworxEvent.EntryChanged(next, RoofworxEvent.Tier.HOT));
                afterChange.run();
                return new ChangeResult(next, true);
            }
            TimeEntry stored = replaced.entry();
            if (stored.version() < current.version()) {
                hotVersion = stored.version();
            } else {
                current = stored;
                hotVersion = stored.version();
            }
        }
        throw StaleVersionException.of(id, expectedVersion, current.version());
    }

    /**
     * The hot store is down: the warm store takes the change under the same version rule ({@code wanted} null:
     * void the entry as the warm store holds it). It only knows the
     * versions that reached it, so a version it has not seen yet (still in the unreachable hot store) cannot be
     * changed now: that is "try again later", not a stale version.
     */
    private ChangeResult changeInWarm(String owner, UUID id, int expectedVersion, Change wanted,
                                      RuntimeException hotFailure) {
        try {
            Optional<TimeEntry> held = warm.get(owner, id);
            if (held.isEmpty() || held.get().version() < expectedVersion) {
                throw StoreUnavailableException.of("hot", "correct", hotFailure);
            }
            TimeEntry current = held.get();
            if (wanted == null) {
                wanted = new Change(current.content(), true);
            }
            if (alreadyApplied(current, expectedVersion, wanted)) {
                return new ChangeResult(current, false);
            }
            check(current, expectedVersion, null);
            TimeEntry next = current.nextVersion(wanted.content, wanted.voided, clock.now())
                    .withState(Destination.WARM, DestinationState.synced())
                    .withState(Destination.COLD, DestinationState.pending(clock.now()));
            WarmEntryStore.UpsertResult result = warm.upsert(List.of(next));
            if (result.rejected().containsKey(id)) {
                throw ValidationException.of("entry", id, "was refused by the warm store ("
                        + result.rejected().get(id) + ")");
            }
            if (result.wrote(id)) {
                events.publish(new RoofworxEvent.EntryChanged(next, RoofworxEvent.Tier.WARM));
                return new ChangeResult(next, true);
            }
            TimeEntry stored = warm.get(owner, id).orElseThrow(() -> EntryNotFoundException.of(id));
            if (alreadyApplied(stored, expectedVersion, wanted)) {
                return new ChangeResult(stored, false);
            }
            throw StaleVersionException.of(id, expectedVersion, stored.version());
        } catch (StoreUnavailableException | StaleVersionException | ValidationException
                 | CorrectionNotAllowedException | EntryNotFoundException e) {
            throw e;
        } catch (RuntimeException warmFailure) {
            warmFailure.addSuppressed(hotFailure);
            throw StoreUnavailableException.of("hot and warm", "correct", warmFailure);
        }
    }

    /** The same change sent again (a retried request): the entry is one version on, with exactly that content. */
    private static boolean alreadyApplied(TimeEntry current, int expectedVersion, Change wanted) {
        return current.version() == expectedVersion + 1 && current.voided() == wanted.voided
                && current.sameContentAs(wanted.content);
    }

    private void check(TimeEntry current, int expectedVersion, RuntimeException warmFailure) {
        if (current.version() < expectedVersion && warmFailure != null) {
            // The caller saw a newer version than the hot store holds: the warm store, which could not be read,
            // may hold it (changed there while the hot store was down). Try again, not "stale".
            throw StoreUnavailableException.of("warm", "correct", warmFailure);
        }
        if (current.version() != expectedVersion) {
            throw StaleVersionException.of(current.id(), expectedVersion, current.version());
        }
        if (current.voided()) {
            throw CorrectionNotAllowedException.voided(current.id());
        }
        LocalDate lastDay = current.workDate().plusDays(window.toDays());
        if (window.isZero() || today().isAfter(lastDay)) {
            throw CorrectionNotAllowedException.windowClosed(current.id(), lastDay);
        }
    }

    private static void requireId(UUID id) {
        if (id == null) {
            throw ValidationException.of("id", null, "must be given");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.now(), ZoneOffset.UTC);
    }

    private record Change(EntryDraft content, boolean voided) {
    }
}
