package com.roofworx.sdk.internal;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.memory.InMemoryColdEntrySink;
import com.roofworx.sdk.memory.InMemoryHotEntryStore;
import com.roofworx.sdk.memory.InMemoryProjectCache;
import com.roofworx.sdk.memory.InMemoryProjectSource;
import com.roofworx.sdk.memory.InMemoryWarmEntryStore;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.WarmEntryStore;
import com.roofworx.sdk.testkit.Faults;
import com.roofworx.sdk.testkit.TestClock;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The whole SDK on in-memory adapters, each behind a fault injector, on a hand-moved clock. Background
 * sync after submit is off so a test decides exactly when sync runs.
 */
final class Harness {
    static final String ANNA = "anna@example.com";
    static final String BEN = "ben@example.com";
    static final String CARL = "carl@example.com";
    static final Project MAPLE = Project.of("1001", "Maple St re-roof");
    static final Project HARBOR = Project.of("1002", "Harbor warehouse");

    final TestClock clock = new TestClock();
    final InMemoryProjectSource source = new InMemoryProjectSource()
            .put(MAPLE).put(HARBOR)
            .assign(ANNA, MAPLE.id()).assign(ANNA, HARBOR.id())
            .assign(BEN, MAPLE.id()).assign(CARL, HARBOR.id());
    final InMemoryHotEntryStore hotMemory = new InMemoryHotEntryStore(clock, Duration.ofDays(30));
    final InMemoryWarmEntryStore warmMemory = new InMemoryWarmEntryStore();
    final InMemoryColdEntrySink coldMemory = new InMemoryColdEntrySink();
    final Faults<HotEntryStore> hot = Faults.wrap(HotEntryStore.class, hotMemory);
    final Faults<WarmEntryStore> warm = Faults.wrap(WarmEntryStore.class, warmMemory);
    final Faults<ColdEntrySink> cold = Faults.wrap(ColdEntrySink.class, coldMemory);
    // A queue, not a copy-on-write list: the scale tests publish hundreds of thousands of events.
    final Queue<RoofworxEvent> events = new ConcurrentLinkedQueue<>();
    final Roofworx roofworx;

    Harness() {
        this(config().build());
    }

    Harness(RoofworxConfig config) {
        roofworx = instance(config, hot.proxy());
    }

    /**
     * Default test settings: no jitter, so backoff times are exact; no cold linger, so a sync run writes both
     * destinations (the linger has its own tests).
     */
    static RoofworxConfig.Builder config() {
        return RoofworxConfig.builder().syncAfterSubmit(false).backoffJitter(0).coldLinger(Duration.ZERO)
                .backoffInitial(Duration.ofSeconds(1)).backoffMax(Duration.ofMinutes(5)).batchSize(10);
    }

    /** Another app instance over the same stores (and its own view of the hot store). */
    Roofworx instance(RoofworxConfig config, HotEntryStore hotStore) {
        return Roofworx.builder().projectSource(source).projectCache(new InMemoryProjectCache(clock))
                .hotStore(hotStore).warmStore(warm.proxy()).coldSink(cold.proxy())
                .clock(clock).config(config).listener(events::add).build();
    }

    EntryDraft draft(String projectId) {
        return EntryDraft.of(projectId, clock.today(), 90).withNotes("Tear-off and underlayment");
    }

    /** Runs sync until nothing is queued or nothing changes, moving the clock past every backoff. */
    void drain(Roofworx instance) {
        for (int i = 0; i < 50 && instance.sync().stats().queued() > 0; i++) {
            instance.sync().runOnce();
            clock.advance(Duration.ofMinutes(6));
        }
        instance.sync().runOnce();
    }

    <E extends RoofworxEvent> List<E> events(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
