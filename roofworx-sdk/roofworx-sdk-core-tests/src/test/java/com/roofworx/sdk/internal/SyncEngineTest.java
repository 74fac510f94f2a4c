package com.roofworx.sdk.internal;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.SyncEngine.SyncReport;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.EntryConflictException;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.model.SyncStatus;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import com.roofworx.sdk.spi.FailureKind;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.testkit.Faults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.roofworx.sdk.internal.Harness.ANNA;
import static com.roofworx.sdk.internal.Harness.BEN;
import static com.roofworx.sdk.internal.Harness.MAPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private TimeEntry warmCopy(TimeEntry e) {
        return h.warmMemory.get(e.owner(), e.id()).orElseThrow();
    }

    @Test
    @DisplayName("warm store down: one failed batch pauses it, nothing more is claimed until the probe; then all land once")
    void warmOutage() {
        List<TimeEntry> entries = submit(ANNA, 12);
        h.warm.failAlways();
        SyncReport down = h.roofworx.sync().runOnce();
        assertThat(down.failed()).as("one batch of 10 tried, then the store is paused").isEqualTo(10);
        assertThat(h.coldMemory.recordCount()).as("cold never runs ahead of warm").isZero();
        DestinationPause pause = h.roofworx.sync().pauses().get(Destination.WARM);
        assertThat(pause.failures()).isEqualTo(1);
        assertThat(pause.nextProbeAt()).isEqualTo(h.clock.now().plusSeconds(1));
        int callsWhilePaused = h.warm.calls();
        assertThat(h.roofworx.sync().runOnce().claimed()).as("paused: nothing claimed before the probe").isZero();
        assertThat(h.warm.calls()).as("paused: the warm store is not called").isEqualTo(callsWhilePaused);
        List<TimeEntry> tried = entries.stream().map(this::hotCopy).filter(e -> e.warm().attempts() == 1).toList();
        assertThat(tried).hasSize(10).allSatisfy(e -> assertThat(e.warm().lastError()).contains("injected fault"))
                .allSatisfy(e -> assertThat(e.warm().nextAttemptAt()).isEqualTo(pause.nextProbeAt()));

        h.clock.advance(Duration.ofSeconds(1));
        assertThat(h.roofworx.sync().runOnce().claimed()).as("the probe: one batch").isEqualTo(10);
        assertThat(h.roofworx.sync().pauses().get(Destination.WARM).failures()).isEqualTo(2);
        h.warm.heal();
        h.clock.advance(Duration.ofSeconds(2));
        SyncReport up = h.roofworx.sync().runOnce();
        assertThat(up.warmSynced()).as("the probe works, then full speed").isEqualTo(12);
        assertThat(h.roofworx.sync().pauses()).isEmpty();
        assertThat(h.events(RoofworxEvent.DestinationResumed.class)).singleElement()
                .satisfies(r -> assertThat(r.pausedFor()).isEqualTo(Duration.ofSeconds(3)));
        assertThat(h.warmMemory.all()).extracting(TimeEntry::id)
                .containsExactlyInAnyOrderElementsOf(entries.stream().map(TimeEntry::id).toList());
        assertThat(h.coldMemory.recordCount()).isEqualTo(12);
        assertThat(h.roofworx.sync().blocked(10)).isEmpty();
    }

    @Test
    @DisplayName("a cold sink failing three times is probed at 1, 2, 4 s from the warm store, then syncs")
    void coldBackoff() {
        TimeEntry e = submit(ANNA, 1).get(0);
        h.cold.failNext(3);
        List<Instant> retries = new ArrayList<>();
        Instant start = h.clock.now();
        for (int i = 0; i < 3; i++) {
            int calls = h.cold.calls();
            h.roofworx.sync().runOnce();
            assertThat(h.cold.calls()).as("one call per interval").isEqualTo(calls + 1);
            Instant next = warmCopy(e).cold().nextAttemptAt();
            retries.add(next);
            assertThat(h.roofworx.sync().pauses().get(Destination.COLD).nextProbeAt()).isEqualTo(next);
            h.roofworx.sync().runOnce();
            assertThat(h.cold.calls()).as("nothing sent before the backoff ends").isEqualTo(calls + 1);
            h.clock.set(next);
        }
        assertThat(retries).containsExactly(start.plusSeconds(1), start.plusSeconds(1 + 2), start.plusSeconds(1 + 2 + 4));
        assertThat(hotCopy(e).cold().isPending()).as("off the hot queue while cold waits").isTrue();
        assertThat(h.roofworx.sync().stats().queued()).isZero();
        h.roofworx.sync().runOnce();
        assertThat(warmCopy(e).cold().status()).isEqualTo(SyncStatus.SYNCED);
        assertThat(h.roofworx.entries().get(ANNA, e.id()).orElseThrow().cold().isSynced())
                .as("reads show the warm store's cold state").isTrue();
        assertThat(h.coldMemory.recordCount()).isEqualTo(1);
        assertThat(h.events(RoofworxEvent.SyncFailed.class)).hasSize(3)
                .allSatisfy(f -> assertThat(f.kind()).isEqualTo(FailureKind.TRANSIENT))
                .allSatisfy(f -> assertThat(f.cause()).isInstanceOf(Faults.InjectedFault.class));
    }

    @Test
    @DisplayName("a destination down for days never blocks an entry; it syncs once the destination is back")
    void longOutageNeverBlocks() {
        TimeEntry e = submit(ANNA, 1).get(0);
        h.cold.failAlways();
        for (int i = 0; i < 200; i++) {
            h.roofworx.sync().runOnce();
            h.clock.advance(Duration.ofMinutes(1));
        }
        assertThat(h.roofworx.sync().blocked(10)).isEmpty();
        assertThat(h.cold.calls()).as("capped backoff: about one probe per 5 minutes, not one per run")
                .isBetween(40, 50);
        assertThat(h.roofworx.sync().pauses().get(Destination.COLD).nextProbeAt())
                .isBeforeOrEqualTo(h.clock.now().plus(Duration.ofMinutes(5)));
        h.cold.heal();
        h.clock.advance(Duration.ofMinutes(5));
        h.roofworx.sync().runOnce();
        assertThat(warmCopy(e).cold().isSynced()).isTrue();
        assertThat(h.coldMemory.recordCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a record the sink refuses is blocked with its code; replay after the fix syncs it")
    void blockedAndReplayed() {
        TimeEntry e = submit(ANNA, 1).get(0);
        h.coldMemory.answerWith(x -> new ColdOutcome.Rejected("UNKNOWN_WORKER", "no such user"));
        h.roofworx.sync().runOnce();
        assertThat(h.roofworx.sync().blocked(10)).extracting(TimeEntry::id).containsExactly(e.id());
        assertThat(h.roofworx.sync().blockedEntry(e.id()).orElseThrow().cold().errorCode()).isEqualTo("UNKNOWN_WORKER");
        assertThat(h.roofworx.sync().stats().blocked()).isEqualTo(1);
        assertThat(h.events(RoofworxEvent.EntryBlocked.class)).singleElement()
                .satisfies(b -> assertThat(b.code()).isEqualTo("UNKNOWN_WORKER"));

        h.coldMemory.answerWith(x -> null);
        assertThat(h.roofworx.sync().replay(e.id())).isTrue();
        h.roofworx.sync().runOnce();
        assertThat(warmCopy(e).cold().isSynced()).isTrue();
        assertThat(h.roofworx.sync().blocked(10)).isEmpty();
        assertThat(h.coldMemory.recordCount()).isEqualTo(1);
        assertThat(h.roofworx.sync().replay(e.id())).as("nothing left to replay").isFalse();
    }

    @Test
    @DisplayName("a per-record retryable answer is retried, never taken for synced, never blocked")
    void retryableRecord() {
        List<TimeEntry> entries = submit(ANNA, 3);
        TimeEntry locked = entries.get(0);
        h.coldMemory.answerWith(x -> x.id().equals(locked.id())
                ? new ColdOutcome.Retryable("RECORD_LOCKED", Duration.ofSeconds(30)) : null);
        SyncReport first = h.roofworx.sync().runOnce();
        assertThat(first.coldSynced()).isEqualTo(2);
        assertThat(h.coldMemory.record(locked.id())).isEmpty();
        assertThat(warmCopy(locked).cold().isPending()).isTrue();
        assertThat(warmCopy(locked).cold().nextAttemptAt()).isEqualTo(h.clock.now().plusSeconds(30));
        assertThat(h.roofworx.sync().pauses()).as("one record, not the sink").isEmpty();
        h.coldMemory.answerWith(x -> null);
        h.clock.advance(Duration.ofSeconds(30));
        h.roofworx.sync().runOnce();
        assertThat(h.coldMemory.record(locked.id())).isPresent();
        assertThat(h.roofworx.sync().blocked(10)).isEmpty();
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
    @DisplayName("an id another worker already used is refused at submit with a conflict")
    void idReusedAcrossOwners() {
        TimeEntry annas = submit(ANNA, 1).get(0);
        h.roofworx.sync().runOnce();
        assertThatThrownBy(() -> h.roofworx.entries().submit(BEN, h.draft(MAPLE.id()).withId(annas.id())))
                .isInstanceOf(EntryConflictException.class).hasMessageNotContaining(ANNA);
        assertThat(h.hotMemory.get(BEN, annas.id())).isEmpty();
        assertThat(h.roofworx.entries().submit(ANNA, h.draft(MAPLE.id()).withId(annas.id())).created())
                .as("the owner's own repeat is fine").isFalse();
    }

    @Test
    @DisplayName("an id the SDK makes is not looked up in the warm store; a client's id is")
    void onlyClientIdsAreLookedUp() {
        submit(ANNA, 1);
        int warmCalls = h.warm.calls();
        h.roofworx.entries().submit(BEN, h.draft(MAPLE.id()));
        assertThat(h.warm.calls()).as("no lookup for an id made by the SDK").isEqualTo(warmCalls);
        h.roofworx.entries().submit(BEN, h.draft(MAPLE.id()).withId(UUID.randomUUID()));
        assertThat(h.warm.calls()).as("one lookup for the client's id").isEqualTo(warmCalls + 1);
    }

    @Test
    @DisplayName("with the warm store paused the id check is skipped; a clash is then blocked, never merged")
    void idReusedWhileWarmDown() {
        TimeEntry annas = submit(ANNA, 1).get(0);
        h.roofworx.sync().runOnce();
        h.warm.failAlways();
        submit(ANNA, 1);
        h.roofworx.sync().runOnce();
        int warmCalls = h.warm.calls();
        TimeEntry bens = h.roofworx.entries().submit(BEN, h.draft(MAPLE.id()).withId(annas.id())).entry();
        assertThat(h.warm.calls()).as("no warm lookup while paused").isEqualTo(warmCalls);
        h.warm.heal();
        h.clock.advance(Duration.ofMinutes(6));
        h.roofworx.sync().runOnce();
        assertThat(hotCopy(bens).warm().status()).isEqualTo(SyncStatus.BLOCKED);
        assertThat(hotCopy(bens).warm().errorCode()).isEqualTo("ID_OWNED_BY_OTHER");
        assertThat(h.warmMemory.get(ANNA, annas.id()).orElseThrow().sameContentAs(annas)).isTrue();
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
        assertThat(warmCopy(e).cold().nextAttemptAt()).isEqualTo(h.clock.now().plus(Duration.ofMinutes(2)));
        assertThat(sdk.sync().pauses().get(Destination.COLD).nextProbeAt())
                .isEqualTo(h.clock.now().plus(Duration.ofMinutes(2)));
        sdk.close();
    }
}
