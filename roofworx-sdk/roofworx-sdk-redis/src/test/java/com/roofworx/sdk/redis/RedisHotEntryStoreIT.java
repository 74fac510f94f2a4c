package com.roofworx.sdk.redis;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.redis.internal.Ids;
import com.roofworx.sdk.spi.HotEntryStore.Claim;
import com.roofworx.sdk.testkit.Entries;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the contract kit cannot see: TTLs in Redis, trimming, script reloads and the due index. */
class RedisHotEntryStoreIT extends HotStoreFixture {
    private static final String ANNA = "anna@example.com";
    private static final Duration LEASE = Duration.ofSeconds(30);

    private TimeEntry pending(LocalDate workDate) {
        return Entries.pending(ANNA, "1001", workDate, clock.now());
    }

    private TimeEntry syncFully(TimeEntry entry) {
        Claim claim = store.claimFor(ANNA, clock.now(), LEASE, 100).stream()
                .filter(c -> c.entry().id().equals(entry.id())).findFirst().orElseThrow();
        TimeEntry synced = entry.withState(Destination.WARM, DestinationState.synced())
                .withState(Destination.COLD, DestinationState.synced());
        assertThat(store.complete(claim, synced)).isTrue();
        return synced;
    }

    @Test
    @DisplayName("a fully synced entry gets a TTL computed from the store's clock: retention after its work day")
    void ttlFollowsClock() {
        TimeEntry entry = pending(clock.today());
        store.insert(entry);
        assertThat(raw.pttl(keys.entry(ANNA, entry.id()))).isEqualTo(-1L);
        syncFully(entry);
        long expected = Duration.between(clock.now(),
                clock.today().plusDays(31).atStartOfDay(ZoneOffset.UTC).toInstant()).toMillis();
        long ttl = raw.pttl(keys.entry(ANNA, entry.id()));
        assertThat(ttl).isBetween(expected - 10_000, expected);
    }

    @Test
    @DisplayName("an entry the warm store lacks never gets a TTL, however old, and a failed attempt keeps it so")
    void neverExpiresWhileUnsynced() {
        TimeEntry old = pending(clock.today().minusDays(400));
        store.insert(old);
        Claim claim = store.claimFor(ANNA, clock.now(), LEASE, 1).get(0);
        TimeEntry failed = old.withState(Destination.WARM, old.warm().failed("warm down", clock.now().plusSeconds(5)));
        assertThat(store.complete(claim, failed)).isTrue();
        assertThat(raw.pttl(keys.entry(ANNA, old.id()))).isEqualTo(-1L);
        clock.advance(Duration.ofDays(365));
        assertThat(store.get(ANNA, old.id())).contains(failed);
        assertThat(store.range(ANNA, old.workDate(), old.workDate())).containsExactly(failed);
    }

    @Test
    @DisplayName("an entry the warm store refused gets no TTL, however old, stays listed, and a replay keeps it so")
    void noTtlWhileWarmBlocked() {
        TimeEntry old = pending(clock.today().minusDays(90));
        store.insert(old);
        Claim claim = store.claimFor(ANNA, clock.now(), LEASE, 1).get(0);
        TimeEntry blocked = old.withState(Destination.WARM, old.warm().blocked("INVALID_DATA: bad project"));
        assertThat(store.complete(claim, blocked)).isTrue();
        assertThat(raw.pttl(keys.entry(ANNA, old.id()))).isEqualTo(-1L);
        clock.advance(Duration.ofDays(365));
        assertThat(store.blocked(BlockedFilter.all(), null, 10)).containsExactly(blocked);
        assertThat(store.get(ANNA, old.id())).contains(blocked);
        TimeEntry replayed = blocked.withState(Destination.WARM, DestinationState.pending(clock.now()));
        assertThat(store.requeue(replayed)).isTrue();
        assertThat(raw.pttl(keys.entry(ANNA, old.id()))).isEqualTo(-1L);
        assertThat(raw.zcard(keys.blocked())).isZero();
        assertThat(raw.hlen(keys.blockedOwners())).isZero();
    }

    @Test
    @DisplayName("once in the warm store an entry gets its TTL whatever its cold state, and is neither queued nor listed")
    void ttlOnceWarmSynced() {
        TimeEntry entry = pending(clock.today());
        store.insert(entry);
        Claim claim = store.claimFor(ANNA, clock.now(), LEASE, 1).get(0);
        TimeEntry coldBlocked = entry.withState(Destination.WARM, DestinationState.synced())
                .withState(Destination.COLD, entry.cold().blocked("INVALID_DATA: bad"));
        assertThat(store.complete(claim, coldBlocked)).isTrue();
        long expected = Duration.between(clock.now(),
                clock.today().plusDays(31).atStartOfDay(ZoneOffset.UTC).toInstant()).toMillis();
        assertThat(raw.pttl(keys.entry(ANNA, entry.id()))).isBetween(expected - 10_000, expected);
        assertThat(raw.exists(keys.queue(ANNA))).isZero();
        assertThat(raw.zcard(keys.blocked())).isZero();
        assertThat(raw.hlen(keys.blockedOwners())).isZero();
    }

    @Test
    @DisplayName("Redis drops a synced entry when its retention ends, and the read cleans its index member")
    void physicalExpiry() throws InterruptedException {
        TimeEntry entry = pending(clock.today());
        store.insert(entry);
        Instant expiresAt = clock.today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(config.retention());
        clock.set(expiresAt.minusMillis(300));
        syncFully(entry);
        String key = keys.entry(ANNA, entry.id());
        assertThat(raw.pttl(key)).isBetween(1L, 300L);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (raw.exists(key) == 1L && System.nanoTime() < deadline) {
            Thread.sleep(20); // bounded poll: Redis expires keys on its own clock
        }
        assertThat(raw.exists(key)).isZero();
        assertThat(store.range(ANNA, entry.workDate(), entry.workDate())).isEmpty();
        assertThat(raw.zscore(keys.byDate(ANNA), Ids.encode(entry.id()))).isNull();
    }

    @Test
    @DisplayName("reads follow the clock: a synced entry past its retention is hidden before Redis drops it")
    void logicalExpiry() {
        TimeEntry entry = pending(clock.today());
        store.insert(entry);
        TimeEntry synced = syncFully(entry);
        assertThat(store.get(ANNA, entry.id())).contains(synced);
        clock.advance(Duration.ofDays(32));
        assertThat(raw.exists(keys.entry(ANNA, entry.id()))).isEqualTo(1L);
        assertThat(store.get(ANNA, entry.id())).isEmpty();
        assertThat(store.range(ANNA, entry.workDate(), entry.workDate())).isEmpty();
    }

    @Test
    @DisplayName("an insert trims index members older than the retention whose entry is gone, not unsynced ones")
    void trimOnWrite() {
        LocalDate old = clock.today().minusDays(40);
        TimeEntry gone = pending(old).withState(Destination.WARM, DestinationState.synced())
                .withState(Destination.COLD, DestinationState.synced());
        TimeEntry unsynced = pending(old);
        store.insert(unsynced);
        store.insert(gone);
        raw.del(keys.entry(ANNA, gone.id())); // as Redis does once its TTL ends
        assertThat(raw.zcard(keys.byDate(ANNA))).isEqualTo(2L);
        store.insert(pending(clock.today()));
        assertThat(raw.zscore(keys.byDate(ANNA), Ids.encode(gone.id()))).isNull();
        assertThat(raw.zscore(keys.byDate(ANNA), Ids.encode(unsynced.id()))).isNotNull();
    }

    @Test
    @DisplayName("after SCRIPT FLUSH (as after a restart) scripts are resent and the entry is still claimable")
    void scriptsReloaded() {
        raw.scriptFlush();
        TimeEntry entry = pending(clock.today());
        assertThat(store.insert(entry).created()).isTrue();
        raw.scriptFlush();
        assertThat(store.claim(clock.now(), LEASE, 10)).extracting(Claim::entry).containsExactly(entry);
    }

    @Test
    @DisplayName("in the slot-safe mode too, an entry submitted while its script is resent stays claimable")
    void scriptsReloadedSingleSlot() {
        RedisHotEntryStore slotSafe = RedisAdapter.using(redis.connection,
                RedisAdapterConfig.from(config).singleSlotScripts(true).build()).hotEntryStore(clock);
        for (int i = 0; i < 3; i++) {
            raw.scriptFlush();
            slotSafe.insert(pending(clock.today()));
        }
        raw.scriptFlush();
        assertThat(slotSafe.claim(clock.now(), LEASE, 10)).hasSize(3);
        assertThat(raw.hget(keys.dueVersions(), ANNA)).as("one touch pipelined, one after each resend").isEqualTo("6");
    }

    @Test
    @DisplayName("a submit whose index update was lost is still found: an idle claim sweeps the users' queues")
    void lostTouchRecovered() {
        assertThat(store.claim(clock.now(), LEASE, 10)).isEmpty(); // an idle claim: spends the first sweep
        TimeEntry second = pending(clock.today());
        store.insert(second);
        raw.zrem(keys.due(), ANNA); // as if the pipelined update had died with its connection
        assertThat(store.claim(clock.now(), LEASE, 10)).as("within the sweep interval").isEmpty();
        clock.advance(Duration.ofMinutes(6));
        assertThat(store.claim(clock.now(), LEASE, 10)).extracting(Claim::entry).containsExactly(second);
    }

    @Test
    @DisplayName("a user the due index names without due work costs one empty visit and is settled away")
    void dueIndexSettles() {
        raw.zadd(keys.due(), 0, "ghost@example.com");
        TimeEntry later = pending(clock.today());
        store.insert(later);
        Claim claim = store.claim(clock.now(), LEASE, 10).get(0);
        store.complete(claim, later.withState(Destination.WARM, later.warm().failed("x", clock.now().plusSeconds(60))));
        // Still scored at the lease end (an earlier hint is the safe side); a visit after it settles the truth.
        assertThat(store.claim(clock.now().plusSeconds(31), LEASE, 10)).isEmpty();
        assertThat(raw.zscore(keys.due(), "ghost@example.com")).isNull();
        assertThat(raw.zscore(keys.due(), ANNA)).isEqualTo(clock.now().plusSeconds(60).toEpochMilli());
    }

    @Test
    @DisplayName("claims across users fill the batch and never hand out more than asked")
    void acrossUsers() {
        for (String user : List.of("a@example.com", "b@example.com", "c@example.com")) {
            for (int i = 0; i < 4; i++) {
                store.insert(Entries.pending(user, "1001", clock.today(), clock.now()));
            }
        }
        assertThat(store.claim(clock.now(), LEASE, 10)).hasSize(10);
        assertThat(store.claim(clock.now(), LEASE, 10)).hasSize(2);
        assertThat(store.stats().queued()).isEqualTo(12);
    }

    @Test
    @DisplayName("requeue voids an outstanding lease: the old worker's completion is refused")
    void requeueVoidsLease() {
        TimeEntry entry = pending(clock.today());
        store.insert(entry);
        Claim claim = store.claimFor(ANNA, clock.now(), LEASE, 1).get(0);
        TimeEntry replay = entry.withState(Destination.WARM, DestinationState.pending(clock.now()));
        assertThat(store.requeue(replay)).isTrue();
        assertThat(store.complete(claim, entry.withState(Destination.WARM, DestinationState.synced()))).isFalse();
        assertThat(store.get(ANNA, entry.id())).contains(replay);
    }

    @Test
    @DisplayName("a released claim's token is spent: completing with it afterwards changes nothing")
    void releaseSpendsToken() {
        TimeEntry entry = pending(clock.today());
        store.insert(entry);
        Claim claim = store.claimFor(ANNA, clock.now(), LEASE, 1).get(0);
        store.release(claim);
        assertThat(store.complete(claim, entry.withState(Destination.WARM, DestinationState.synced()))).isFalse();
        assertThat(store.get(ANNA, entry.id())).contains(entry);
    }
}
