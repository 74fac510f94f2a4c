package com.roofworx.sdk.redis;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.testkit.Entries;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the contract kit cannot see of the blocked list: millisecond ties, stale listings, its two keys. */
class RedisBlockedListIT extends HotStoreFixture {
    private static final String ANNA = "anna@example.com";
    private static final String BEN = "ben@example.com";

    /** A warm-refused entry created at {@code createdAt}, inserted as such (which lists it). */
    private TimeEntry blockedAt(String owner, Instant createdAt) {
        TimeEntry e = Entries.pending(owner, "1001", clock.today(), createdAt);
        TimeEntry blocked = e.withState(Destination.WARM, e.warm().blocked("INVALID_DATA: refused"));
        assertThat(store.insert(blocked).created()).isTrue();
        return blocked;
    }

    private List<TimeEntry> pageThrough(BlockedFilter filter, int limit) {
        List<TimeEntry> seen = new ArrayList<>();
        BlockedPosition after = null;
        List<TimeEntry> page;
        do {
            page = store.blocked(filter, after, limit);
            assertThat(page.size()).isLessThanOrEqualTo(limit);
            seen.addAll(page);
            if (!page.isEmpty()) {
                after = BlockedPosition.of(page.get(page.size() - 1));
            }
        } while (page.size() == limit);
        return seen;
    }

    @ParameterizedTest(name = "pages of {0}")
    @ValueSource(ints = {1, 7, 150, 1000})
    @DisplayName("entries of one millisecond page in (created-at, id) order, even when one millisecond "
            + "holds more than a scan chunk")
    void millisecondTies(int limit) {
        Instant base = clock.now();
        List<TimeEntry> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // 300 entries in the first millisecond (more than one 128-member chunk), some at the same instant.
            Instant createdAt = base.plusMillis(i < 300 ? 0 : 1).plusNanos((i % 5) * 1_000L);
            all.add(blockedAt(i % 2 == 0 ? ANNA : BEN, createdAt));
        }
        all.sort(Comparator.comparing(BlockedPosition::of));
        assertThat(pageThrough(BlockedFilter.all(), limit)).containsExactlyElementsOf(all);
        assertThat(pageThrough(BlockedFilter.all().owner(BEN), limit))
                .containsExactlyElementsOf(all.stream().filter(e -> e.owner().equals(BEN)).toList());
    }

    @Test
    @DisplayName("a created-time filter bounds the scan and is exact below the millisecond")
    void createdBounds() {
        Instant base = clock.now();
        TimeEntry first = blockedAt(ANNA, base.plusNanos(100_000));
        TimeEntry second = blockedAt(ANNA, base.plusNanos(600_000));
        TimeEntry third = blockedAt(ANNA, base.plusMillis(5));
        Instant cut = base.plusNanos(500_000);
        assertThat(store.blocked(BlockedFilter.all().created(cut, null), null, 10)).containsExactly(second, third);
        assertThat(store.blocked(BlockedFilter.all().created(null, cut), null, 10)).containsExactly(first);
    }

    @Test
    @DisplayName("a listing whose entry is gone is dropped; one whose entry is not blocked is skipped but kept")
    void staleListings() {
        TimeEntry gone = blockedAt(ANNA, clock.now());
        TimeEntry kept = blockedAt(BEN, clock.now().plusMillis(1));
        raw.del(keys.entry(ANNA, gone.id()));
        TimeEntry notBlocked = Entries.pending(BEN, "1001", clock.today(), clock.now().plusMillis(2));
        store.insert(notBlocked);
        raw.zadd(keys.blocked(), notBlocked.createdAt().toEpochMilli(),
                com.roofworx.sdk.redis.internal.Ids.encode(notBlocked.id()) + BEN);

        assertThat(store.blocked(BlockedFilter.all(), null, 10)).containsExactly(kept);
        assertThat(raw.zcard(keys.blocked())).isEqualTo(2L);
        assertThat(raw.hget(keys.blockedOwners(), com.roofworx.sdk.redis.internal.Ids.encode(gone.id()))).isNull();
        assertThat(store.blockedEntry(gone.id())).isEmpty();
        assertThat(store.blockedEntry(notBlocked.id())).isEmpty();
    }

    @Test
    @DisplayName("requeueAll counts only entries the store holds and unlists them all")
    void requeueAllMisses() {
        TimeEntry held = blockedAt(ANNA, clock.now());
        TimeEntry lost = blockedAt(BEN, clock.now());
        raw.del(keys.entry(BEN, lost.id()));
        List<TimeEntry> replay = List.of(held, lost).stream()
                .map(e -> e.withState(Destination.WARM, DestinationState.pending(clock.now()))).toList();
        assertThat(store.requeueAll(replay)).isEqualTo(1);
        assertThat(raw.zcard(keys.blocked())).isZero();
        assertThat(raw.hlen(keys.blockedOwners())).isZero();
        assertThat(store.stats()).isEqualTo(new com.roofworx.sdk.spi.HotEntryStore.QueueStats(1, 0));
    }

    @Test
    @DisplayName("the blocked keys never expire")
    void noTtl() {
        blockedAt(ANNA, clock.now());
        assertThat(raw.pttl(keys.blocked())).isEqualTo(-1L);
        assertThat(raw.pttl(keys.blockedOwners())).isEqualTo(-1L);
    }
}
