package com.roofworx.sdk.internal;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.SyncEngine.BlockedPage;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.roofworx.sdk.internal.Harness.ANNA;
import static com.roofworx.sdk.internal.Harness.BEN;
import static com.roofworx.sdk.internal.Harness.MAPLE;
import static org.assertj.core.api.Assertions.assertThat;

/** Long outages seen by two instances sharing one hot store, and blocked work at scale. */
class OutageTest {
    private final Harness h = new Harness();

    @Test
    @DisplayName("cold down for two hours under two instances: at most one call per backoff interval, nothing blocked")
    void coldOutageTwoInstances() {
        Roofworx second = h.instance(Harness.config().build(), h.hot.proxy());
        List<Roofworx> instances = List.of(h.roofworx, second);
        h.cold.failAlways();
        List<TimeEntry> entries = new ArrayList<>();
        List<Instant> callTimes = new ArrayList<>();
        Instant end = h.clock.now().plus(Duration.ofHours(2));
        int calls = h.cold.calls();
        while (h.clock.now().isBefore(end)) {
            entries.add(h.roofworx.entries().submit(ANNA, h.draft(MAPLE.id())).entry());
            for (Roofworx instance : instances) {
                instance.sync().runOnce();
                if (h.cold.calls() > calls) {
                    callTimes.add(h.clock.now());
                    calls = h.cold.calls();
                }
            }
            h.clock.advance(Duration.ofSeconds(20));
        }
        assertThat(h.roofworx.sync().blocked(10)).isEmpty();
        assertThat(h.warmMemory.all()).as("the warm store keeps up the whole time").hasSize(entries.size());
        assertThat(h.hotMemory.stats().queued()).as("cold work does not sit in the hot queue").isZero();
        // After the pause reached the 5-minute cap, calls are at least ~2.5 minutes apart (jitter off here:
        // exactly the cap, rounded to the 20 s step), never two instances in the same interval.
        List<Instant> late = callTimes.stream().filter(t -> t.isAfter(end.minus(Duration.ofHours(1)))).toList();
        for (int i = 1; i < late.size(); i++) {
            assertThat(Duration.between(late.get(i - 1), late.get(i))).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
        }
        assertThat(callTimes.size()).as("about 24 capped intervals in two hours plus the ramp").isBetween(20, 35);

        h.cold.heal();
        h.clock.set(h.roofworx.sync().pauses().get(Destination.COLD).nextProbeAt());
        h.roofworx.sync().runOnce();
        assertThat(h.coldMemory.recordCount()).as("everything arrives with the first probe after recovery")
                .isEqualTo(entries.size());
        assertThat(h.roofworx.sync().pauses()).isEmpty();
        assertThat(h.events(RoofworxEvent.DestinationPaused.class)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.pause().destination()).isEqualTo(Destination.COLD));
    }

    @Test
    @DisplayName("a warm outage is probed by one instance at a time; the other claims nothing meanwhile")
    void warmOutageTwoInstances() {
        Roofworx second = h.instance(Harness.config().build(), h.hot.proxy());
        for (int i = 0; i < 30; i++) {
            h.roofworx.entries().submit(BEN, h.draft(MAPLE.id()));
        }
        h.warm.failAlways();
        h.roofworx.sync().runOnce();
        int callsAfterPause = h.warm.calls();
        second.sync().runOnce();
        h.roofworx.sync().runOnce();
        assertThat(h.warm.calls()).as("both instances respect the shared pause").isEqualTo(callsAfterPause);
        h.clock.advance(Duration.ofSeconds(1));
        second.sync().runOnce();
        h.roofworx.sync().runOnce();
        assertThat(h.warm.calls()).as("one probe between them").isEqualTo(callsAfterPause + 1);
    }

    @Test
    @DisplayName("100,000 blocked entries: every page reachable, bulk replay by destination brings all back")
    void blockedAtScale() {
        int n = 100_000;
        // Big batches: the in-memory stores scan their whole queue per claim.
        Roofworx sdk = h.instance(Harness.config().batchSize(1_000).build(), h.hot.proxy());
        h.coldMemory.answerWith(e -> new ColdOutcome.Rejected("UNKNOWN_WORKER", "no such user"));
        for (int i = 0; i < n; i++) {
            sdk.entries().submit(ANNA, h.draft(MAPLE.id()));
            if (i % 5_000 == 4_999) {
                h.clock.advance(Duration.ofMillis(1));
            }
        }
        for (int i = 0; i < 200 && h.hotMemory.stats().queued() > 0; i++) {
            sdk.sync().runOnce();
        }
        assertThat(sdk.sync().stats().blocked()).isEqualTo(n);

        Set<UUID> listed = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            BlockedPage page = sdk.sync().blocked(BlockedFilter.all().destination(Destination.COLD), cursor, 1_000);
            page.entries().forEach(e -> assertThat(listed.add(e.id())).as("listed twice: %s", e.id()).isTrue());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(listed).hasSize(n);
        assertThat(pages).isEqualTo(100);

        h.coldMemory.answerWith(e -> null);
        assertThat(sdk.sync().replayAll(BlockedFilter.all().destination(Destination.COLD))).isEqualTo(n);
        for (int i = 0; i < 20 && h.coldMemory.recordCount() < n; i++) {
            sdk.sync().runOnce();
        }
        assertThat(h.coldMemory.recordCount()).isEqualTo(n);
        assertThat(sdk.sync().stats().blocked()).isZero();
    }
}
