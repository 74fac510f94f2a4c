package com.roofworx.sdk.engine;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.SyncEngine.SyncReport;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.SyncStatus;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.testkit.Faults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.roofworx.sdk.engine.Harness.ANNA;
import static com.roofworx.sdk.engine.Harness.BEN;
import static com.roofworx.sdk.engine.Harness.MAPLE;
import static org.assertj.core.api.Assertions.assertThat;

class SyncEngineTest {
    private final Harness h = new Harness();

    private List<TimeEntry> submit(String user, int n) {
        List<TimeEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(h.roofworx.entries().submit(user, h.draft(MAPLE.id())).entry());
        }
        return out;
    }

    private TimeEntry hotCopy(TimeEntry e) {
        return h.hotMemory.get(e.owner(), e.id()).orElseThrow();
    }

    @Test
    @DisplayName("writes each entry to warm, then cold, then leaves the queue")
    void happyPath() {
        List<TimeEntry> entries = submit(ANNA, 25);
        SyncReport report = h.roofworx.sync().runOnce();
        assertThat(report.claimed()).isEqualTo(25);
        assertThat(report.warmSynced()).isEqualTo(25);
        assertThat(report.coldSynced()).isEqualTo(25);
        assertThat(h.warmMemory.all()).hasSize(25);
        assertThat(h.coldMemory.recordCount()).isEqualTo(25);
        assertThat(h.coldMemory.calls()).as("one cold call per batch of 10").isEqualTo(3);
        assertThat(h.roofworx.sync().stats().queued()).isZero();
        entries.forEach(e -> assertThat(hotCopy(e).isFullySynced()).isTrue());
        entries.forEach(e -> assertThat(h.warmMemory.get(ANNA, e.id()).orElseThrow().cold().isSynced()).isTrue());
    }

    @Test
    @DisplayName("warm store down, then up: every entry lands once, and cold waits for warm")
    void warmOutage() {
        List<TimeEntry> entries = submit(ANNA, 12);
        h.warm.failAlways();
        SyncReport down = h.roofworx.sync().runOnce();
        assertThat(down.failed()).isEqualTo(12);
        assertThat(h.coldMemory.recordCount()).as("cold never runs ahead of warm").isZero();
        TimeEntry failed = hotCopy(entries.get(0));
        assertThat(failed.warm().attempts()).isEqualTo(1);
        assertThat(failed.warm().lastError()).contains("injected fault");
        h.warm.heal();
        h.drain(h.roofworx);
        assertThat(h.warmMemory.all()).extracting(TimeEntry::id)
                .containsExactlyInAnyOrderElementsOf(entries.stream().map(TimeEntry::id).toList());
        assertThat(h.coldMemory.recordCount()).isEqualTo(12);
    }

    @Test
    @DisplayName("a cold sink failing three times backs off exponentially, then syncs")
    void coldBackoff() {
        TimeEntry e = submit(ANNA, 1).get(0);
        h.cold.failNext(3);
        List<Instant> retries = new ArrayList<>();
        Instant start = h.clock.now();
        for (int i = 0; i < 3; i++) {
            h.roofworx.sync().runOnce();
            Instant next = hotCopy(e).cold().nextAttemptAt();
            retries.add(next);
            assertThat(h.roofworx.sync().runOnce().claimed()).as("nothing due before the backoff ends").isZero();
            h.clock.set(next);
        }
        assertThat(retries).containsExactly(start.plusSeconds(1), start.plusSeconds(1 + 2), start.plusSeconds(1 + 2 + 4));
        h.roofworx.sync().runOnce();
        assertThat(hotCopy(e).cold().status()).isEqualTo(SyncStatus.SYNCED);
        assertThat(h.coldMemory.recordCount()).isEqualTo(1);
        assertThat(h.events(RoofworxEvent.SyncFailed.class)).hasSize(3);
    }

    @Test
    @DisplayName("a destination that keeps failing parks the entry as blocked; replay syncs it")
    void blockedAndReplayed() {
        TimeEntry e = submit(ANNA, 1).get(0);
        h.cold.failAlways();
        h.drain(h.roofworx);
        TimeEntry parked = hotCopy(e);
        assertThat(parked.cold().status()).isEqualTo(SyncStatus.BLOCKED);
        assertThat(parked.cold().attempts()).isEqualTo(8);
        assertThat(parked.warm().isSynced()).isTrue();
        assertThat(h.roofworx.sync().blocked(10)).extracting(TimeEntry::id).containsExactly(e.id());
        assertThat(h.roofworx.sync().stats().blocked()).isEqualTo(1);

        h.cold.heal();
        assertThat(h.roofworx.sync().replay(e.id())).isTrue();
        h.roofworx.sync().runOnce();
        assertThat(hotCopy(e).cold().isSynced()).isTrue();
        assertThat(h.roofworx.sync().blocked(10)).isEmpty();
        assertThat(h.coldMemory.recordCount()).isEqualTo(1);
        assertThat(h.roofworx.sync().replay(e.id())).as("nothing left to replay").isFalse();
    }

    @Test
    @DisplayName("a permanent rejection blocks at once, without retries, and the rest of the batch syncs")
    void rejected() {
        List<TimeEntry> entries = submit(ANNA, 3);
        TimeEntry bad = entries.get(1);
        h.coldMemory.answerWith(x -> x.id().equals(bad.id()) ? new ColdOutcome.Rejected("INVALID_DATA", "bad hours") : null);
        SyncReport report = h.roofworx.sync().runOnce();
        assertThat(report.blocked()).isEqualTo(1);
        assertThat(report.coldSynced()).isEqualTo(2);
        assertThat(hotCopy(bad).cold().lastError()).isEqualTo("INVALID_DATA: bad hours");
        assertThat(h.warmMemory.coldBlocked(BlockedFilter.all(), null, 10)).extracting(TimeEntry::id).containsExactly(bad.id());
    }

    @Test
    @DisplayName("a worker that dies after writing loses nothing: after the lease another finishes, no duplicate")
    void workerDies() {
        List<TimeEntry> entries = submit(ANNA, 5);
        // This instance writes to warm and cold, then dies before acknowledging anything.
        Faults<HotEntryStore> dying = Faults.wrap(HotEntryStore.class, h.hotMemory).onlyMethod("complete", "completeAll").failAlways();
        Roofworx doomed = h.instance(Harness.config().build(), dying.proxy());
        doomed.sync().runOnce();
        assertThat(h.warmMemory.all()).hasSize(5);
        assertThat(h.roofworx.sync().runOnce().claimed()).as("still leased to the dead worker").isZero();

        h.clock.advance(h.roofworx.config().lease().plusSeconds(1));
        SyncReport report = h.roofworx.sync().runOnce();
        assertThat(report.claimed()).isEqualTo(5);
        assertThat(h.warmMemory.all()).hasSize(5);
        assertThat(h.coldMemory.recordCount()).isEqualTo(5);
        entries.forEach(e -> assertThat(hotCopy(e).isFullySynced()).isTrue());
    }

    @Test
    @DisplayName("an acknowledgement after the lease was taken over is discarded")
    void staleAck() {
        TimeEntry e = submit(ANNA, 1).get(0);
        HotEntryStore.Claim stale = h.hotMemory.claim(h.clock.now(), Duration.ofSeconds(1), 10).get(0);
        h.clock.advance(Duration.ofSeconds(2));
        h.roofworx.sync().runOnce();
        assertThat(h.hotMemory.complete(stale, e.withState(Destination.WARM, e.warm().failed("late", h.clock.now()))))
                .isFalse();
        assertThat(hotCopy(e).isFullySynced()).isTrue();
    }

    @Test
    @DisplayName("syncUser drains that user's due entries, old failures included, and no one else's")
    void piggyback() {
        TimeEntry old = submit(ANNA, 1).get(0);
        h.warm.failAlways();
        h.roofworx.sync().syncUser(ANNA);
        h.warm.heal();
        h.clock.advance(Duration.ofSeconds(5));
        TimeEntry fresh = submit(ANNA, 1).get(0);
        TimeEntry bens = submit(BEN, 1).get(0);
        SyncReport report = h.roofworx.sync().syncUser(ANNA);
        assertThat(report.warmSynced()).isEqualTo(2);
        assertThat(hotCopy(old).isFullySynced()).isTrue();
        assertThat(hotCopy(fresh).isFullySynced()).isTrue();
        assertThat(hotCopy(bens).warm().isPending()).isTrue();
    }

    @Test
    @DisplayName("entries written straight to warm while hot was down still reach cold, through the warm sweep")
    void sweep() {
        h.hot.failAlways();
        TimeEntry e = h.roofworx.entries().submit(ANNA, h.draft(MAPLE.id())).entry();
        h.hot.heal();
        h.roofworx.sync().runOnce();
        assertThat(h.coldMemory.record(e.id())).isPresent();
        assertThat(h.warmMemory.get(ANNA, e.id()).orElseThrow().cold().isSynced()).isTrue();
        h.clock.advance(Duration.ofHours(1));
        h.roofworx.sync().runOnce();
        assertThat(h.coldMemory.calls()).as("a synced entry is not sent again").isEqualTo(1);
    }

    @Test
    @DisplayName("a client reusing another owner's id is blocked, never merged into that owner's entry")
    void idReusedAcrossOwners() {
        TimeEntry annas = submit(ANNA, 1).get(0);
        h.roofworx.sync().runOnce();
        TimeEntry bens = h.roofworx.entries().submit(BEN, h.draft(MAPLE.id()).withId(annas.id())).entry();
        h.roofworx.sync().runOnce();
        assertThat(hotCopy(bens).warm().status()).isEqualTo(SyncStatus.BLOCKED);
        assertThat(hotCopy(bens).warm().lastError()).contains("another owner");
        assertThat(h.warmMemory.get(ANNA, annas.id())).isPresent();
    }

    @Test
    @DisplayName("start runs sync in the background; close stops it")
    void background() throws InterruptedException {
        Roofworx live = h.instance(Harness.config().syncAfterSubmit(true).build(), h.hot.proxy());
        try {
            TimeEntry e = live.entries().submit(ANNA, h.draft(MAPLE.id())).entry();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!hotCopy(e).isFullySynced() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(hotCopy(e).isFullySynced()).isTrue();
        } finally {
            live.close();
        }
        live.entries().submit(ANNA, h.draft(MAPLE.id()));
        assertThat(live.sync().stats().queued()).as("no background run after close").isEqualTo(1);
    }

    @Test
    @DisplayName("a failure that says when to retry (HTTP 429 Retry-After) is not retried sooner")
    void retryHint() {
        TimeEntry e = submit(ANNA, 1).get(0);
        class RateLimited extends RuntimeException implements com.roofworx.sdk.spi.RetryHint {
            @Override
            public Duration retryAfter() {
                return Duration.ofMinutes(2);
            }
        }
        com.roofworx.sdk.spi.ColdEntrySink limited = new com.roofworx.sdk.spi.ColdEntrySink() {
            @Override
            public int maxBatchSize() {
                return 100;
            }

            @Override
            public java.util.Map<java.util.UUID, ColdOutcome> upsert(List<TimeEntry> entries) {
                throw new RateLimited();
            }
        };
        Roofworx sdk = Roofworx.builder().projectSource(h.source).projectCache(new com.roofworx.sdk.memory.InMemoryProjectCache(h.clock))
                .hotStore(h.hotMemory).warmStore(h.warmMemory).coldSink(limited).clock(h.clock)
                .config(Harness.config().build()).build();
        sdk.sync().runOnce();
        assertThat(hotCopy(e).cold().nextAttemptAt()).isEqualTo(h.clock.now().plus(Duration.ofMinutes(2)));
        sdk.close();
    }
}
