package com.roofworx.sdk.testkit.contract;

import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.WarmEntryStore;
import com.roofworx.sdk.testkit.Entries;
import com.roofworx.sdk.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
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
            assertThat(store.coldBlocked(10)).containsExactly(blocked);
        }
    }
}
