package com.roofworx.sdk.testkit.contract;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.FailureKind;
import com.roofworx.sdk.spi.HotEntryStore.Claim;
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
            assertThat(store.blocked(BlockedFilter.all(), null, 10)).containsExactly(blocked);
            assertThat(store.stats()).isEqualTo(new HotEntryStore.QueueStats(0, 1));
            assertThat(store.claim(clock.now().plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();

            TimeEntry replayed = blocked.withState(Destination.WARM, DestinationState.pending(clock.now()));
            assertThat(store.requeue(replayed)).isTrue();
            assertThat(store.blocked(BlockedFilter.all(), null, 10)).isEmpty();
            assertThat(store.claim(clock.now(), LEASE, 10)).extracting(Claim::entry).containsExactly(replayed);
        }

        @Test
        @DisplayName("requeue of an entry the store does not hold writes nothing")
        void requeueMiss() {
            assertThat(store.requeue(entry(ANNA))).isFalse();
            assertThat(store.stats().queued()).isZero();
        }
    }

    /** Inserts an entry of {@code owner}, claims it and completes it as refused by the warm store. */
    protected TimeEntry blockedEntry(String owner, String code) {
        TimeEntry e = entry(owner);
        store.insert(e);
        Claim claim = store.claimFor(owner, clock.now(), LEASE, 1).get(0);
        TimeEntry blocked = e.withState(Destination.WARM,
                e.warm().blocked(DestinationState.refusal(code, "refused for the test")));
        assertThat(store.complete(claim, blocked)).isTrue();
        return blocked;
    }

    @Nested
    @DisplayName("cold work belongs to the warm store")
    class ColdWork {
        @Test
        @DisplayName("an entry in the warm store leaves the queue whatever its cold state, and may expire")
        void warmSyncedLeavesQueue() {
            TimeEntry e = entry(ANNA, clock.today().minusDays(2));
            store.insert(e);
            Claim claim = store.claim(clock.now(), LEASE, 1).get(0);
            TimeEntry coldFailed = e.withState(Destination.WARM, DestinationState.synced())
                    .withState(Destination.COLD, e.cold().failed("503", clock.now().plusSeconds(60)));
            assertThat(store.complete(claim, coldFailed)).isTrue();
            assertThat(store.stats()).isEqualTo(new HotEntryStore.QueueStats(0, 0));
            assertThat(store.claim(clock.now().plus(Duration.ofDays(1)), LEASE, 10)).isEmpty();
            assertThat(store.get(ANNA, e.id())).contains(coldFailed);
            clock.advance(Duration.ofDays(60));
            assertThat(store.get(ANNA, e.id())).isEmpty();
        }

        @Test
        @DisplayName("an entry the cold sink refused is not on the hot blocked list")
        void coldBlockedNotListed() {
            TimeEntry e = entry(ANNA);
            store.insert(e);
            Claim claim = store.claim(clock.now(), LEASE, 1).get(0);
            TimeEntry coldBlocked = e.withState(Destination.WARM, DestinationState.synced())
                    .withState(Destination.COLD, e.cold().blocked("INVALID_DATA: bad"));
            assertThat(store.complete(claim, coldBlocked)).isTrue();
            assertThat(store.blocked(BlockedFilter.all(), null, 10)).isEmpty();
            assertThat(store.blockedEntry(e.id())).isEmpty();
            assertThat(store.stats()).isEqualTo(new HotEntryStore.QueueStats(0, 0));
        }
    }

    @Nested
    @DisplayName("corrections (replace)")
    class Versions {
        private TimeEntry corrected(TimeEntry e, int minutes, LocalDate workDate) {
            return e.nextVersion(new EntryDraft(e.id(), e.projectId(), workDate, minutes, "fixed", null), false,
                    clock.now());
        }

        @Test
        @DisplayName("replaces the entry at the expected version, with its pending history, and queues it")
        void replaces() {
            TimeEntry e = entry(ANNA);
            store.insert(e);
            TimeEntry v2 = corrected(e, 240, e.workDate());
            HotEntryStore.ReplaceResult result = store.replace(v2, 1);
            assertThat(result.replaced()).isTrue();
            assertThat(store.get(ANNA, e.id())).contains(v2);
            assertThat(v2.pendingHistory()).containsExactly(e.revision());
            assertThat(store.claim(clock.now(), LEASE, 10)).extracting(Claim::entry).containsExactly(v2);
            assertThat(store.stats().queued()).isEqualTo(1);
        }

        @Test
        @DisplayName("writes nothing when the stored version is not the expected one, and answers the stored entry")
        void staleVersion() {
            TimeEntry e = entry(ANNA);
            store.insert(e);
            TimeEntry v2 = corrected(e, 240, e.workDate());
            store.replace(v2, 1);
            TimeEntry otherV2 = corrected(e, 30, e.workDate());
            HotEntryStore.ReplaceResult result = store.replace(otherV2, 1);
            assertThat(result.replaced()).isFalse();
            assertThat(result.entry()).isEqualTo(v2);
            assertThat(store.get(ANNA, e.id())).contains(v2);
        }

        @Test
        @DisplayName("voids a lease on the older version: its worker cannot complete it, the new version is claimable")
        void voidsLease() {
            TimeEntry e = entry(ANNA);
            store.insert(e);
            Claim claim = store.claim(clock.now(), LEASE, 1).get(0);
            TimeEntry v2 = corrected(e, 240, e.workDate());
            assertThat(store.replace(v2, 1).replaced()).isTrue();
            assertThat(store.complete(claim, e.withState(Destination.WARM, DestinationState.synced()))).isFalse();
            assertThat(store.get(ANNA, e.id())).contains(v2);
            assertThat(store.claim(clock.now(), LEASE, 10)).extracting(Claim::entry).containsExactly(v2);
        }

        @Test
        @DisplayName("files the entry under its new work date")
        void movesWorkDate() {
            LocalDate today = clock.today();
            TimeEntry e = entry(ANNA, today.minusDays(2));
            store.insert(e);
            TimeEntry v2 = corrected(e, 60, today.minusDays(5));
            store.replace(v2, 1);
            assertThat(store.range(ANNA, today.minusDays(2), today)).isEmpty();
            assertThat(store.range(ANNA, today.minusDays(5), today.minusDays(5))).containsExactly(v2);
        }

        @Test
        @DisplayName("inserts the new version when the store does not hold the entry")
        void absent() {
            TimeEntry e = entry(ANNA).withState(Destination.WARM, DestinationState.synced());
            TimeEntry v2 = corrected(e, 90, e.workDate());
            assertThat(store.replace(v2, 1).replaced()).isTrue();
            assertThat(store.get(ANNA, e.id())).contains(v2);
            assertThat(store.claim(clock.now(), LEASE, 10)).hasSize(1);
        }

        @Test
        @DisplayName("takes a blocked entry off the blocked list and queues the new version")
        void unblocks() {
            TimeEntry blocked = blockedEntry(ANNA, "INVALID_DATA");
            assertThat(store.stats().blocked()).isEqualTo(1);
            TimeEntry v2 = corrected(blocked, 30, blocked.workDate());
            assertThat(store.replace(v2, 1).replaced()).isTrue();
            assertThat(store.blocked(BlockedFilter.all(), null, 10)).isEmpty();
            assertThat(store.blockedEntry(blocked.id())).isEmpty();
            assertThat(store.stats().blocked()).isZero();
            assertThat(store.claim(clock.now(), LEASE, 10)).extracting(Claim::entry).containsExactly(v2);
        }

        @Test
        @DisplayName("keeps a voided version and its history through a round trip")
        void voided() {
            TimeEntry e = entry(ANNA);
            store.insert(e);
            TimeEntry v2 = corrected(e, 240, e.workDate());
            store.replace(v2, 1);
            clock.advance(Duration.ofMinutes(3));
            TimeEntry v3 = v2.nextVersion(v2.content(), true, clock.now());
            assertThat(store.replace(v3, 2).replaced()).isTrue();
            TimeEntry read = store.get(ANNA, e.id()).orElseThrow();
            assertThat(read).isEqualTo(v3);
            assertThat(read.voided()).isTrue();
            assertThat(read.pendingHistory()).extracting(r -> r.version()).containsExactly(1, 2);
        }
    }

    @Nested
    @DisplayName("blocked list at scale")
    class BlockedList {
        @Test
        @DisplayName("pages through every blocked entry in created order, each page after the last one")
        void pages() {
            List<TimeEntry> all = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                all.add(blockedEntry(i % 2 == 0 ? ANNA : BEN, "INVALID_DATA"));
                clock.advance(Duration.ofSeconds(1));
            }
            List<TimeEntry> seen = new ArrayList<>();
            BlockedPosition after = null;
            List<TimeEntry> page;
            do {
                page = store.blocked(BlockedFilter.all(), after, 3);
                seen.addAll(page);
                if (!page.isEmpty()) {
                    after = BlockedPosition.of(page.get(page.size() - 1));
                }
            } while (page.size() == 3);
            assertThat(seen).containsExactlyElementsOf(all);
        }

        @Test
        @DisplayName("filters by error code, owner and created time")
        void filters() {
            TimeEntry annaInvalid = blockedEntry(ANNA, "INVALID_DATA");
            clock.advance(Duration.ofMinutes(1));
            Instant middle = clock.now();
            TimeEntry benInvalid = blockedEntry(BEN, "INVALID_DATA");
            TimeEntry annaOther = blockedEntry(ANNA, "ID_OWNED_BY_OTHER");
            assertThat(store.blocked(BlockedFilter.all().errorCode("INVALID_DATA"), null, 10))
                    .containsExactly(annaInvalid, benInvalid);
            assertThat(store.blocked(BlockedFilter.all().owner(ANNA), null, 10))
                    .containsExactlyInAnyOrder(annaInvalid, annaOther);
            assertThat(store.blocked(BlockedFilter.all().created(middle, null), null, 10))
                    .containsExactlyInAnyOrder(benInvalid, annaOther);
            assertThat(store.blocked(BlockedFilter.all().created(null, middle), null, 10))
                    .containsExactly(annaInvalid);
            assertThat(store.blocked(BlockedFilter.all().destination(Destination.COLD), null, 10)).isEmpty();
        }

        @Test
        @DisplayName("finds a blocked entry by id alone, whoever owns it")
        void pointLookup() {
            TimeEntry bens = blockedEntry(BEN, "INVALID_DATA");
            TimeEntry queued = entry(ANNA);
            store.insert(queued);
            assertThat(store.blockedEntry(bens.id())).contains(bens);
            assertThat(store.blockedEntry(queued.id())).isEmpty();
            assertThat(store.blockedEntry(UUID.randomUUID())).isEmpty();
        }

        @Test
        @DisplayName("requeueAll puts many entries back on the queue and off the blocked list")
        void requeueAll() {
            List<TimeEntry> replayed = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                TimeEntry b = blockedEntry(i % 2 == 0 ? ANNA : BEN, "INVALID_DATA");
                replayed.add(b.withState(Destination.WARM, DestinationState.pending(clock.now())));
            }
            assertThat(store.requeueAll(replayed)).isEqualTo(5);
            assertThat(store.blocked(BlockedFilter.all(), null, 10)).isEmpty();
            assertThat(store.stats()).isEqualTo(new HotEntryStore.QueueStats(5, 0));
            assertThat(store.claim(clock.now(), LEASE, 10)).extracting(Claim::entry)
                    .containsExactlyInAnyOrderElementsOf(replayed);
        }
    }

    @Nested
    @DisplayName("destination pauses")
    class Pauses {
        private DestinationPause pause(Destination d, Instant nextProbeAt, int failures) {
            return new DestinationPause(d, clock.now(), nextProbeAt, failures, "HTTP 503", FailureKind.TRANSIENT);
        }

        @Test
        @DisplayName("none at first; a pause is shared as written and replaced by the next one")
        void recorded() {
            assertThat(store.pauses()).isEmpty();
            DestinationPause first = pause(Destination.COLD, clock.now().plusSeconds(1), 1);
            store.pause(first);
            assertThat(store.pauses()).containsExactly(java.util.Map.entry(Destination.COLD, first));
            DestinationPause second = pause(Destination.COLD, clock.now().plusSeconds(2), 2);
            DestinationPause warm = new DestinationPause(Destination.WARM, clock.now(), clock.now(), 1,
                    "connection refused", FailureKind.PERMANENT);
            store.pause(second);
            store.pause(warm);
            assertThat(store.pauses()).isEqualTo(java.util.Map.of(Destination.COLD, second, Destination.WARM, warm));
        }

        @Test
        @DisplayName("one caller wins a due probe; the probe moves the next probe time to its lease end")
        void probe() {
            Instant due = clock.now().plusSeconds(10);
            store.pause(pause(Destination.COLD, due, 3));
            assertThat(store.tryProbe(Destination.COLD, due.minusMillis(1), due.plusSeconds(60))).isFalse();
            assertThat(store.tryProbe(Destination.COLD, due, due.plusSeconds(60))).isTrue();
            assertThat(store.tryProbe(Destination.COLD, due, due.plusSeconds(60))).isFalse();
            DestinationPause held = store.pauses().get(Destination.COLD);
            assertThat(held.nextProbeAt()).isEqualTo(due.plusSeconds(60));
            assertThat(held.failures()).isEqualTo(3);
            assertThat(held.since()).isEqualTo(clock.now());
            assertThat(store.tryProbe(Destination.COLD, due.plusSeconds(60), due.plusSeconds(120))).isTrue();
        }

        @Test
        @DisplayName("a destination that is not paused has nothing to probe; resume ends a pause")
        void resume() {
            assertThat(store.tryProbe(Destination.WARM, clock.now(), clock.now().plusSeconds(60))).isFalse();
            store.pause(pause(Destination.WARM, clock.now(), 1));
            store.resume(Destination.WARM);
            store.resume(Destination.COLD);
            assertThat(store.pauses()).isEmpty();
            assertThat(store.tryProbe(Destination.WARM, clock.now(), clock.now().plusSeconds(60))).isFalse();
        }

        @Test
        @DisplayName("counts calls per destination and UTC day for all callers; adding 0 reads the count")
        void callCounts() {
            java.time.LocalDate day = clock.today();
            assertThat(store.addCalls(Destination.COLD, day, 0)).isZero();
            assertThat(store.addCalls(Destination.COLD, day, 1)).isEqualTo(1);
            assertThat(store.addCalls(Destination.COLD, day, 2)).isEqualTo(3);
            assertThat(store.addCalls(Destination.COLD, day.plusDays(1), 1)).as("a new day starts at 0").isEqualTo(1);
            assertThat(store.addCalls(Destination.WARM, day, 0)).as("per destination").isZero();
            assertThat(store.addCalls(Destination.COLD, day, 0)).isEqualTo(3);
        }

        @Test
        @DisplayName("of many threads racing for a due probe, exactly one wins")
        void race() throws Exception {
            store.pause(pause(Destination.COLD, clock.now(), 1));
            int threads = 8;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Boolean>> wins = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    wins.add(pool.submit(() -> {
                        start.await();
                        return store.tryProbe(Destination.COLD, clock.now(), clock.now().plusSeconds(60));
                    }));
                }
                start.countDown();
                int won = 0;
                for (java.util.concurrent.Future<Boolean> w : wins) {
                    won += w.get() ? 1 : 0;
                }
                assertThat(won).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
