package com.roofworx.sdk.testkit.contract;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.WarmEntryStore;
import com.roofworx.sdk.testkit.Entries;
import com.roofworx.sdk.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link WarmEntryStore} must do. Extend it and answer a fresh, empty store. */
public abstract class WarmEntryStoreContract {
    protected static final String ANNA = "anna@example.com";
    protected static final String BEN = "ben@example.com";
    protected static final Duration LEASE = Duration.ofSeconds(30);

    protected final TestClock clock = new TestClock();
    protected WarmEntryStore store;

    /** A fresh store that holds nothing. */
    protected abstract WarmEntryStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    protected TimeEntry entry(String owner, LocalDate workDate) {
        return Entries.pending(owner, "1001", workDate, clock.now());
    }

    /** What the store answers for an entry: the same, warm SYNCED. */
    protected static TimeEntry asStored(TimeEntry e) {
        return e.withState(Destination.WARM, DestinationState.synced());
    }

    @Nested
    @DisplayName("upsert")
    class Upsert {
        @Test
        @DisplayName("inserts new entries and reports their ids")
        void insert() {
            TimeEntry a = entry(ANNA, clock.today());
            TimeEntry b = entry(BEN, clock.today());
            WarmEntryStore.UpsertResult result = store.upsert(List.of(a, b));
            assertThat(result.inserted()).containsExactlyInAnyOrder(a.id(), b.id());
            assertThat(result.rejected()).isEmpty();
            assertThat(store.get(ANNA, a.id())).contains(asStored(a));
        }

        @Test
        @DisplayName("a retried or overlapping batch changes nothing and reports only the new ids")
        void idempotent() {
            TimeEntry a = entry(ANNA, clock.today());
            TimeEntry b = entry(ANNA, clock.today());
            store.upsert(List.of(a));
            TimeEntry changedA = new TimeEntry(a.id(), ANNA, "1002", a.workDate(), 480, "edited", null,
                    a.createdAt(), a.warm(), a.cold(), null);
            WarmEntryStore.UpsertResult result = store.upsert(List.of(changedA, b));
            assertThat(result.inserted()).containsExactly(b.id());
            assertThat(store.get(ANNA, a.id())).contains(asStored(a));
            assertThat(store.upsert(List.of(a, b)).inserted()).isEmpty();
        }

        @Test
        @DisplayName("an empty batch is a no-op")
        void empty() {
            assertThat(store.upsert(List.of()).inserted()).isEmpty();
        }
    }

    @Nested
    @DisplayName("versions (corrections)")
    class Versions {
        private TimeEntry next(TimeEntry e, int minutes, boolean voided) {
            clock.advance(Duration.ofSeconds(5));
            return e.nextVersion(new EntryDraft(e.id(), e.projectId(), e.workDate(), minutes, "fixed", null), voided,
                    clock.now());
        }

        private TimeEntry warmSynced(TimeEntry e) {
            return asStored(e).withoutPendingHistory();
        }

        @Test
        @DisplayName("a newer version replaces the content, goes cold-pending again, keeps the cold record id")
        void newerWins() {
            TimeEntry v1 = entry(ANNA, clock.today());
            store.upsert(List.of(v1));
            store.updateCold(List.of(v1.withState(Destination.COLD, DestinationState.synced())
                    .withColdRecordId("z-1")));
            TimeEntry v2 = next(warmSynced(v1), 240, false);
            WarmEntryStore.UpsertResult result = store.upsert(List.of(v2));
            assertThat(result.updated()).containsExactly(v1.id());
            assertThat(result.inserted()).isEmpty();
            TimeEntry stored = store.get(ANNA, v1.id()).orElseThrow();
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.minutes()).isEqualTo(240);
            assertThat(stored.cold().isPending()).isTrue();
            assertThat(stored.coldRecordId()).isEqualTo("z-1");
            assertThat(store.history(ANNA, v1.id())).containsExactly(v1.revision(), v2.revision());
        }

        @Test
        @DisplayName("an older or repeated version changes nothing, and each version is recorded once")
        void olderIgnored() {
            TimeEntry v1 = entry(ANNA, clock.today());
            TimeEntry v2 = next(v1, 240, false);
            TimeEntry v3 = next(v2, 30, true);
            store.upsert(List.of(v3));
            assertThat(store.upsert(List.of(v2)).wrote(v1.id())).isFalse();
            assertThat(store.upsert(List.of(v1)).wrote(v1.id())).isFalse();
            assertThat(store.upsert(List.of(v3)).wrote(v1.id())).isFalse();
            TimeEntry stored = store.get(ANNA, v1.id()).orElseThrow();
            assertThat(stored.version()).isEqualTo(3);
            assertThat(stored.voided()).isTrue();
            assertThat(stored.minutes()).isEqualTo(30);
            assertThat(store.history(ANNA, v1.id())).containsExactly(v1.revision(), v2.revision(), v3.revision());
        }

        @Test
        @DisplayName("records the versions an entry carries as pending history")
        void pendingHistory() {
            TimeEntry v1 = entry(ANNA, clock.today());
            TimeEntry v3 = next(next(v1, 240, false), 120, false);
            assertThat(v3.pendingHistory()).hasSize(2);
            assertThat(store.upsert(List.of(v3)).inserted()).containsExactly(v1.id());
            assertThat(store.get(ANNA, v1.id()).orElseThrow().pendingHistory()).isEmpty();
            assertThat(store.history(ANNA, v1.id())).extracting(r -> r.version()).containsExactly(1, 2, 3);
        }

        @Test
        @DisplayName("another owner's version of an id neither replaces the entry nor enters its history")
        void otherOwner() {
            TimeEntry annas = entry(ANNA, clock.today());
            store.upsert(List.of(annas));
            TimeEntry bens = new TimeEntry(annas.id(), BEN, "1001", annas.workDate(), 5, null, null, clock.now(),
                    annas.warm(), annas.cold(), null, 2, false, clock.now(), List.of());
            assertThat(store.upsert(List.of(bens)).wrote(annas.id())).isFalse();
            assertThat(store.get(ANNA, annas.id()).orElseThrow().version()).isEqualTo(1);
            assertThat(store.history(ANNA, annas.id())).containsExactly(annas.revision());
            assertThat(store.history(BEN, annas.id())).isEmpty();
        }

        @Test
        @DisplayName("a cold outcome for a superseded version is ignored")
        void staleColdOutcome() {
            TimeEntry v1 = entry(ANNA, clock.today());
            store.upsert(List.of(v1));
            TimeEntry sent = store.claimColdDue(clock.now(), LEASE, 10).get(0);
            TimeEntry v2 = next(warmSynced(v1), 240, false);
            store.upsert(List.of(v2));
            store.updateCold(List.of(sent.withState(Destination.COLD, DestinationState.synced())
                    .withColdRecordId("z-1")));
            TimeEntry stored = store.get(ANNA, v1.id()).orElseThrow();
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.cold().isPending()).isTrue();
        }

        @Test
        @DisplayName("a newer version waits for a cold attempt still leased on the older one")
        void keepsColdLease() {
            TimeEntry v1 = entry(ANNA, clock.today());
            store.upsert(List.of(v1));
            Instant claimedAt = clock.now();
            assertThat(store.claimColdDue(claimedAt, LEASE, 10)).hasSize(1);
            TimeEntry v2 = next(warmSynced(v1), 240, false);
            store.upsert(List.of(v2.withState(Destination.COLD, DestinationState.pending(clock.now()))));
            assertThat(store.claimColdDue(clock.now(), LEASE, 10)).isEmpty();
            List<TimeEntry> later = store.claimColdDue(claimedAt.plus(LEASE).plusSeconds(1), LEASE, 10);
            assertThat(later).extracting(TimeEntry::version).containsExactly(2);
        }
    }

    @Nested
    @DisplayName("reads")
    class Reads {
        @Test
        @DisplayName("get answers empty for an unknown id and for another owner's id")
        void ownerScoped() {
            TimeEntry a = entry(ANNA, clock.today());
            store.upsert(List.of(a));
            assertThat(store.get(BEN, a.id())).isEmpty();
            assertThat(store.get(ANNA, UUID.randomUUID())).isEmpty();
        }

        @Test
        @DisplayName("range answers the owner's entries within both bounds, by work date")
        void range() {
            LocalDate today = clock.today();
            TimeEntry old = entry(ANNA, today.minusDays(400));
            TimeEntry mid = entry(ANNA, today.minusDays(40));
            TimeEntry recent = entry(ANNA, today);
            TimeEntry bens = entry(BEN, today);
            store.upsert(List.of(recent, bens, old, mid));
            assertThat(store.range(ANNA, today.minusDays(400), today.minusDays(40)))
                    .containsExactly(asStored(old), asStored(mid));
            assertThat(store.range(ANNA, today.minusDays(39), today)).containsExactly(asStored(recent));
        }
    }

    @Nested
    @DisplayName("cold state")
    class ColdState {
        @Test
        @DisplayName("updateCold records state and record id, and ignores unknown ids")
        void update() {
            TimeEntry a = entry(ANNA, clock.today());
            store.upsert(List.of(a));
            TimeEntry synced = asStored(a).withState(Destination.COLD, DestinationState.synced()).withColdRecordId("z-9");
            store.updateCold(List.of(synced, entry(BEN, clock.today())));
            assertThat(store.get(ANNA, a.id())).contains(synced);
            assertThat(store.get(BEN, UUID.randomUUID())).isEmpty();
        }

        @Test
        @DisplayName("updateCold never replaces a synced cold state with a late worker's failure")
        void syncedStays() {
            TimeEntry a = entry(ANNA, clock.today());
            store.upsert(List.of(a));
            TimeEntry synced = asStored(a).withState(Destination.COLD, DestinationState.synced()).withColdRecordId("z-1");
            store.updateCold(List.of(synced));
            store.updateCold(List.of(asStored(a).withState(Destination.COLD, a.cold().failed("late", clock.now()))));
            assertThat(store.get(ANNA, a.id())).contains(synced);
        }

        @Test
        @DisplayName("claimColdDue answers due pending entries oldest first, each once per lease")
        void claim() {
            TimeEntry first = entry(ANNA, clock.today());
            clock.advance(Duration.ofSeconds(1));
            TimeEntry second = entry(BEN, clock.today());
            TimeEntry synced = asStored(entry(ANNA, clock.today())).withState(Destination.COLD, DestinationState.synced());
            store.upsert(List.of(second, first, synced));
            List<TimeEntry> claimed = store.claimColdDue(clock.now(), LEASE, 10);
            assertThat(claimed).extracting(TimeEntry::id).containsExactly(first.id(), second.id());
            assertThat(store.claimColdDue(clock.now(), LEASE, 10)).isEmpty();
            assertThat(store.claimColdDue(clock.now().plus(LEASE), LEASE, 1)).extracting(TimeEntry::id)
                    .containsExactly(first.id());
        }

        @Test
        @DisplayName("claimColdDue skips entries whose next attempt lies ahead")
        void notYetDue() {
            TimeEntry a = entry(ANNA, clock.today());
            TimeEntry later = a.withState(Destination.COLD, a.cold().failed("429", clock.now().plusSeconds(60)));
            store.upsert(List.of(later));
            assertThat(store.claimColdDue(clock.now(), LEASE, 10)).isEmpty();
            assertThat(store.claimColdDue(clock.now().plusSeconds(60), LEASE, 10)).hasSize(1);
        }

        @Test
        @DisplayName("coldBlocked lists blocked entries only")
        void blocked() {
            TimeEntry a = entry(ANNA, clock.today());
            TimeEntry b = entry(ANNA, clock.today());
            store.upsert(List.of(a, b));
            TimeEntry blocked = asStored(a).withState(Destination.COLD, a.cold().blocked("INVALID_DATA: bad"));
            store.updateCold(List.of(blocked));
            assertThat(store.coldBlocked(BlockedFilter.all(), null, 10)).containsExactly(blocked);
            assertThat(store.coldBlockedCount()).isEqualTo(1);
        }
    }

    /** Stores an entry of {@code owner} and marks it refused by the cold sink with {@code code}. */
    protected TimeEntry coldBlocked(String owner, String code) {
        TimeEntry e = asStored(entry(owner, clock.today()));
        store.upsert(List.of(e));
        TimeEntry blocked = e.withState(Destination.COLD,
                e.cold().blocked(DestinationState.refusal(code, "refused for the test")));
        store.updateCold(List.of(blocked));
        return blocked;
    }

    @Nested
    @DisplayName("cold-blocked entries at scale")
    class ColdBlocked {
        @Test
        @DisplayName("pages through every cold-blocked entry in created order")
        void pages() {
            List<TimeEntry> all = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                all.add(coldBlocked(i % 2 == 0 ? ANNA : BEN, "INVALID_DATA"));
                clock.advance(Duration.ofSeconds(1));
            }
            store.upsert(List.of(entry(ANNA, clock.today())));
            List<TimeEntry> seen = new ArrayList<>();
            BlockedPosition after = null;
            List<TimeEntry> page;
            do {
                page = store.coldBlocked(BlockedFilter.all(), after, 3);
                seen.addAll(page);
                if (!page.isEmpty()) {
                    after = BlockedPosition.of(page.get(page.size() - 1));
                }
            } while (page.size() == 3);
            assertThat(seen).extracting(TimeEntry::id).containsExactlyElementsOf(all.stream().map(TimeEntry::id).toList());
            assertThat(store.coldBlockedCount()).isEqualTo(7);
            assertThat(store.coldPendingCount()).as("the one entry still owing the cold sink").isEqualTo(1);
        }

        @Test
        @DisplayName("filters by error code, owner and created time")
        void filters() {
            TimeEntry annaUnknown = coldBlocked(ANNA, "UNKNOWN_WORKER");
            clock.advance(Duration.ofMinutes(1));
            Instant middle = clock.now();
            TimeEntry benUnknown = coldBlocked(BEN, "UNKNOWN_WORKER");
            TimeEntry annaInvalid = coldBlocked(ANNA, "INVALID_DATA");
            assertThat(store.coldBlocked(BlockedFilter.all().errorCode("UNKNOWN_WORKER"), null, 10))
                    .extracting(TimeEntry::id).containsExactly(annaUnknown.id(), benUnknown.id());
            assertThat(store.coldBlocked(BlockedFilter.all().owner(ANNA), null, 10))
                    .extracting(TimeEntry::id).containsExactlyInAnyOrder(annaUnknown.id(), annaInvalid.id());
            assertThat(store.coldBlocked(BlockedFilter.all().created(middle, null), null, 10))
                    .extracting(TimeEntry::id).containsExactlyInAnyOrder(benUnknown.id(), annaInvalid.id());
            assertThat(store.coldBlocked(BlockedFilter.all().created(null, middle), null, 10))
                    .extracting(TimeEntry::id).containsExactly(annaUnknown.id());
            assertThat(store.coldBlocked(BlockedFilter.all().destination(Destination.WARM), null, 10)).isEmpty();
        }

        @Test
        @DisplayName("finds a cold-blocked entry by id alone, and nothing for an entry that is not blocked")
        void pointLookup() {
            TimeEntry bens = coldBlocked(BEN, "INVALID_DATA");
            TimeEntry fine = asStored(entry(ANNA, clock.today()));
            store.upsert(List.of(fine));
            assertThat(store.coldBlockedEntry(bens.id())).map(TimeEntry::id).contains(bens.id());
            assertThat(store.coldBlockedEntry(bens.id()).orElseThrow().cold().errorCode()).isEqualTo("INVALID_DATA");
            assertThat(store.coldBlockedEntry(fine.id())).isEmpty();
            assertThat(store.coldBlockedEntry(UUID.randomUUID())).isEmpty();
        }

        @Test
        @DisplayName("replayColdBlocked makes the matching entries pending and due now, and counts them")
        void replay() {
            TimeEntry unknown1 = coldBlocked(ANNA, "UNKNOWN_WORKER");
            TimeEntry unknown2 = coldBlocked(BEN, "UNKNOWN_WORKER");
            TimeEntry invalid = coldBlocked(ANNA, "INVALID_DATA");
            clock.advance(Duration.ofMinutes(5));
            assertThat(store.replayColdBlocked(BlockedFilter.all().errorCode("UNKNOWN_WORKER"), clock.now()))
                    .isEqualTo(2);
            assertThat(store.coldBlocked(BlockedFilter.all(), null, 10)).extracting(TimeEntry::id)
                    .containsExactly(invalid.id());
            List<TimeEntry> due = store.claimColdDue(clock.now(), LEASE, 10);
            assertThat(due).extracting(TimeEntry::id).containsExactlyInAnyOrder(unknown1.id(), unknown2.id());
            assertThat(due).allSatisfy(e -> assertThat(e.cold().attempts()).isZero());
            assertThat(store.replayColdBlocked(BlockedFilter.all().errorCode("UNKNOWN_WORKER"), clock.now()))
                    .isZero();
        }

        @Test
        @DisplayName("ownerOf names the owner of an id whoever asks, and nothing for an unknown id")
        void ownerOf() {
            TimeEntry annas = asStored(entry(ANNA, clock.today()));
            store.upsert(List.of(annas));
            assertThat(store.ownerOf(annas.id())).contains(ANNA);
            assertThat(store.ownerOf(UUID.randomUUID())).isEmpty();
        }
    }
}
