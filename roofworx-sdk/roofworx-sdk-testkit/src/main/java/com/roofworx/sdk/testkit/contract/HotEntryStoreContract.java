package com.roofworx.sdk.testkit.contract;

import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.HotEntryStore.Claim;
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

/**
 * What every {@link HotEntryStore} must do: atomic insert, owner-scoped reads, and a leased work queue.
 * Extend it and answer a fresh, empty store that computes any expiry from the given clock.
 */
public abstract class HotEntryStoreContract {
    protected static final String ANNA = "anna@example.com";
    protected static final String BEN = "ben@example.com";
    protected static final Duration LEASE = Duration.ofSeconds(30);

    protected TestClock clock;
    protected HotEntryStore store;

    /** A fresh store that holds nothing; time-dependent behaviour must follow {@code clock}. */
    protected abstract HotEntryStore newStore(TestClock clock);

    @BeforeEach
    void createStore() {
        clock = new TestClock();
        store = newStore(clock);
    }

    protected TimeEntry entry(String owner, LocalDate workDate) {
        return Entries.pending(owner, "1001", workDate, clock.now());
    }

    protected TimeEntry entry(String owner) {
        return entry(owner, clock.today());
    }

    @Nested
    @DisplayName("insert and read")
    class InsertAndRead {
        @Test
        @DisplayName("stores a new entry and answers it as created")
        void insert() {
            TimeEntry e = entry(ANNA);
            HotEntryStore.InsertResult result = store.insert(e);
            assertThat(result.created()).isTrue();
            assertThat(result.entry()).isEqualTo(e);
            assertThat(store.get(ANNA, e.id())).contains(e);
        }

        @Test
        @DisplayName("a second insert of the same id writes nothing and answers the stored entry")
        void duplicate() {
            TimeEntry first = entry(ANNA);
            store.insert(first);
            TimeEntry again = new TimeEntry(first.id(), ANNA, "1002", first.workDate(), 15, null, null,
                    clock.now(), first.warm(), first.cold(), null);
            HotEntryStore.InsertResult result = store.insert(again);
            assertThat(result.created()).isFalse();
            assertThat(result.entry()).isEqualTo(first);
            assertThat(store.get(ANNA, first.id())).contains(first);
            assertThat(store.stats().queued()).isEqualTo(1);
        }

        @Test
        @DisplayName("get answers empty for an unknown id and for another owner's id")
        void ownerScoped() {
            TimeEntry e = entry(ANNA);
            store.insert(e);
            assertThat(store.get(BEN, e.id())).isEmpty();
            assertThat(store.get(ANNA, UUID.randomUUID())).isEmpty();
        }

        @Test
        @DisplayName("range answers the owner's entries within both bounds, by work date")
        void range() {
            LocalDate today = clock.today();
            TimeEntry older = entry(ANNA, today.minusDays(3));
            TimeEntry newer = entry(ANNA, today.minusDays(1));
            TimeEntry outside = entry(ANNA, today.minusDays(9));
            TimeEntry bens = entry(BEN, today.minusDays(1));
            List.of(newer, outside, older, bens).forEach(store::insert);
            assertThat(store.range(ANNA, today.minusDays(3), today.minusDays(1))).containsExactly(older, newer);
            assertThat(store.range(BEN, today.minusDays(30), today)).containsExactly(bens);
            assertThat(store.range("nobody@example.com", today.minusDays(30), today)).isEmpty();
        }

        @Test
        @DisplayName("keeps an entry not yet in the warm store however old its work date grows")
        void noExpiryWhileUnsynced() {
            TimeEntry e = entry(ANNA, clock.today().minusDays(59));
            store.insert(e);
            clock.advance(Duration.ofDays(120));
            assertThat(store.get(ANNA, e.id())).contains(e);
        }
    }

    @Nested
    @DisplayName("claiming")
    class Claiming {
        @Test
        @DisplayName("hands out a due entry under a lease, and not again while the lease holds")
        void lease() {
            TimeEntry e = entry(ANNA);
            store.insert(e);
            List<Claim> first = store.claim(clock.now(), LEASE, 10);
            assertThat(first).extracting(Claim::entry).containsExactly(e);
            assertThat(first.get(0).leaseUntil()).isEqualTo(clock.now().plus(LEASE));
            assertThat(store.claim(clock.now().plus(LEASE).minusMillis(1), LEASE, 10)).isEmpty();
        }

        @Test
        @DisplayName("hands the entry out again once the lease has run out (its worker died)")
        void expiredLease() {
            store.insert(entry(ANNA));
            store.claim(clock.now(), LEASE, 10);
            assertThat(store.claim(clock.now().plus(LEASE).plusMillis(1), LEASE, 10)).hasSize(1);
        }

        @Test
        @DisplayName("claims at most max entries")
        void max() {
            for (int i = 0; i < 5; i++) {
                store.insert(entry(ANNA));
            }
            assertThat(store.claim(clock.now(), LEASE, 3)).hasSize(3);
            assertThat(store.claim(clock.now(), LEASE, 3)).hasSize(2);
            assertThat(store.claim(clock.now(), LEASE, 3)).isEmpty();
        }

        @Test
        @DisplayName("claimFor hands out only that owner's entries")
        void perOwner() {
            TimeEntry annas = entry(ANNA);
            store.insert(annas);
            store.insert(entry(BEN));
            assertThat(store.claimFor(ANNA, clock.now(), LEASE, 10)).extracting(Claim::entry).containsExactly(annas);
            assertThat(store.claimFor(ANNA, clock.now(), LEASE, 10)).isEmpty();
            assertThat(store.claim(clock.now(), LEASE, 10)).hasSize(1);
        }

        @Test
        @DisplayName("does not hand out an entry before its next attempt time")
        void backoff() {
            store.insert(entry(ANNA));
            Claim claim = store.claim(clock.now(), LEASE, 1).get(0);
            TimeEntry retryLater = claim.entry().withState(Destination.WARM,
                    claim.entry().warm().failed("down", clock.now().plusSeconds(120)));
            assertThat(store.complete(claim, retryLater)).isTrue();
            assertThat(store.claim(clock.now().plusSeconds(119), LEASE, 10)).isEmpty();
            assertThat(store.claim(clock.now().plusSeconds(120), LEASE, 10)).extracting(Claim::entry)
                    .containsExactly(retryLater);
        }
    }

    @Nested
    @DisplayName("completing")
    class Completing {
        @Test
        @DisplayName("stores the new state and takes a fully synced entry off the queue")
        void done() {
            TimeEntry e = entry(ANNA);
            store.insert(e);
            Claim claim = store.claim(clock.now(), LEASE, 1).get(0);
            TimeEntry synced = e.withState(Destination.WARM, DestinationState.synced())
                    .withState(Destination.COLD, DestinationState.synced()).withColdRecordId("z-1");
            assertThat(store.complete(claim, synced)).isTrue();
            assertThat(store.get(ANNA, e.id())).contains(synced);
            assertThat(store.claim(clock.now().plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
            assertThat(store.stats().queued()).isZero();
        }

        @Test
        @DisplayName("refuses a completion whose lease was taken over, and keeps the newer state")
        void staleAck() {
            TimeEntry e = entry(ANNA);
            store.insert(e);
            Claim stale = store.claim(clock.now(), LEASE, 1).get(0);
            Claim fresh = store.claim(clock.now().plus(LEASE).plusSeconds(1), LEASE, 1).get(0);
            TimeEntry newer = e.withState(Destination.WARM, DestinationState.synced());
            assertThat(store.complete(fresh, newer)).isTrue();
            TimeEntry older = e.withState(Destination.WARM, e.warm().failed("late", clock.now()));
            assertThat(store.complete(stale, older)).isFalse();
            assertThat(store.get(ANNA, e.id())).contains(newer);
        }

        @Test
        @DisplayName("completeAll writes a batch and answers the claims whose lease was lost")
        void completeAll() {
            TimeEntry a = entry(ANNA);
            TimeEntry b = entry(BEN);
            store.insert(a);
            store.insert(b);
            List<Claim> claims = store.claim(clock.now(), LEASE, 10);
            Claim claimOfB = claims.stream().filter(c -> c.entry().id().equals(b.id())).findFirst().orElseThrow();
            Claim claimOfA = claims.stream().filter(c -> c.entry().id().equals(a.id())).findFirst().orElseThrow();
            store.release(claimOfB);
            Claim retaken = store.claim(clock.now(), LEASE, 10).get(0);
            TimeEntry syncedA = a.withState(Destination.WARM, DestinationState.synced());
            TimeEntry syncedB = b.withState(Destination.WARM, DestinationState.synced());
            List<Claim> lost = store.completeAll(List.of(new HotEntryStore.Completion(claimOfA, syncedA),
                    new HotEntryStore.Completion(claimOfB, syncedB)));
            assertThat(lost).containsExactly(claimOfB);
            assertThat(store.get(ANNA, a.id())).contains(syncedA);
            assertThat(store.get(BEN, b.id())).contains(b);
            assertThat(store.complete(retaken, syncedB)).isTrue();
        }

        @Test
        @DisplayName("release makes the entry claimable again at once")
        void release() {
            store.insert(entry(ANNA));
            Claim claim = store.claim(clock.now(), LEASE, 1).get(0);
            store.release(claim);
            assertThat(store.claim(clock.now(), LEASE, 1)).hasSize(1);
        }

        @Test
        @DisplayName("a blocked entry leaves the queue for the blocked list, and requeue brings it back")
        void blockedAndRequeued() {
            TimeEntry e = entry(ANNA);
            store.insert(e);
            Claim claim = store.claim(clock.now(), LEASE, 1).get(0);
            TimeEntry blocked = e.withState(Destination.WARM, e.warm().blocked("constraint"));
            assertThat(store.complete(claim, blocked)).isTrue();
            assertThat(store.blocked(10)).containsExactly(blocked);
            assertThat(store.stats()).isEqualTo(new HotEntryStore.QueueStats(0, 1));
            assertThat(store.claim(clock.now().plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();

            TimeEntry replayed = blocked.withState(Destination.WARM, DestinationState.pending(clock.now()));
            assertThat(store.requeue(replayed)).isTrue();
            assertThat(store.blocked(10)).isEmpty();
            assertThat(store.claim(clock.now(), LEASE, 10)).extracting(Claim::entry).containsExactly(replayed);
        }

        @Test
        @DisplayName("requeue of an entry the store does not hold writes nothing")
        void requeueMiss() {
            assertThat(store.requeue(entry(ANNA))).isFalse();
            assertThat(store.stats().queued()).isZero();
        }
    }
}
