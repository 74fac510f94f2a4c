package com.roofworx.sdk.micrometer;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.SyncEngine;
import com.roofworx.sdk.SyncEngine.SyncStats;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.memory.InMemoryColdEntrySink;
import com.roofworx.sdk.memory.InMemoryHotEntryStore;
import com.roofworx.sdk.memory.InMemoryProjectCache;
import com.roofworx.sdk.memory.InMemoryProjectSource;
import com.roofworx.sdk.memory.InMemoryWarmEntryStore;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.FailureKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RoofworxMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RoofworxMeters meters = new RoofworxMeters(registry);
    private final TimeEntry entry = TimeEntry.accepted(UUID.randomUUID(), "anna@example.com",
            EntryDraft.of("1001", LocalDate.of(2026, 3, 2), 240), Instant.parse("2026-03-02T08:00:00Z"));

    @Test
    void submitsAreCountedByResultAndTier() {
        meters.onEvent(new RoofworxEvent.EntrySubmitted(entry, true, RoofworxEvent.Tier.HOT));
        meters.onEvent(new RoofworxEvent.EntrySubmitted(entry, true, RoofworxEvent.Tier.HOT));
        meters.onEvent(new RoofworxEvent.EntrySubmitted(entry, false, RoofworxEvent.Tier.WARM));

        assertThat(count("roofworx.entries.submitted", "result", "created", "tier", "hot")).isEqualTo(2);
        assertThat(count("roofworx.entries.submitted", "result", "repeat", "tier", "warm")).isEqualTo(1);
        assertThat(count("roofworx.entries.submitted", "result", "created", "tier", "warm")).isZero();
    }

    @Test
    void changesAreCountedByKindAndTier() {
        TimeEntry corrected = entry.nextVersion(EntryDraft.of("1001", entry.workDate(), 30), false, entry.createdAt());
        TimeEntry voided = corrected.nextVersion(corrected.content(), true, entry.createdAt());
        meters.onEvent(new RoofworxEvent.EntryChanged(corrected, RoofworxEvent.Tier.HOT));
        meters.onEvent(new RoofworxEvent.EntryChanged(voided, RoofworxEvent.Tier.WARM));

        assertThat(count("roofworx.entries.changed", "kind", "correct", "tier", "hot")).isEqualTo(1);
        assertThat(count("roofworx.entries.changed", "kind", "void", "tier", "warm")).isEqualTo(1);
        assertThat(registry.find("roofworx.entries.changed").counters()).hasSize(2);
    }

    @Test
    void syncLagIsATimerPerDestination() {
        meters.onEvent(new RoofworxEvent.EntrySynced(entry, Destination.WARM, Duration.ofMillis(300)));
        meters.onEvent(new RoofworxEvent.EntrySynced(entry, Destination.WARM, Duration.ofMillis(700)));
        meters.onEvent(new RoofworxEvent.EntrySynced(entry, Destination.COLD, Duration.ofSeconds(40)));

        Timer warm = registry.get("roofworx.sync.lag").tag("destination", "warm").timer();
        assertThat(warm.count()).isEqualTo(2);
        assertThat(warm.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1000);
        assertThat(warm.max(TimeUnit.MILLISECONDS)).isEqualTo(700);
        Timer cold = registry.get("roofworx.sync.lag").tag("destination", "cold").timer();
        assertThat(cold.totalTime(TimeUnit.SECONDS)).isEqualTo(40);
        assertThat(count("roofworx.entries.synced", "destination", "warm")).isEqualTo(2);
        assertThat(count("roofworx.entries.synced", "destination", "cold")).isEqualTo(1);
    }

    @Test
    void failuresAreCountedByDestinationAndKind() {
        meters.onEvent(new RoofworxEvent.SyncFailed(entry, Destination.COLD, 1, "503", Instant.now(),
                FailureKind.TRANSIENT, null));
        meters.onEvent(new RoofworxEvent.SyncFailed(entry, Destination.WARM, 2, "disk full", Instant.now(),
                FailureKind.PERMANENT, null));

        assertThat(count("roofworx.sync.failures", "destination", "cold", "kind", "transient")).isEqualTo(1);
        assertThat(count("roofworx.sync.failures", "destination", "warm", "kind", "permanent")).isEqualTo(1);
        assertThat(count("roofworx.sync.failures", "destination", "cold", "kind", "permanent")).isZero();
    }

    @Test
    void blockedIsCountedByDestinationWithoutTheRefusalCode() {
        meters.onEvent(new RoofworxEvent.EntryBlocked(entry, Destination.COLD, "UNKNOWN_WORKER", "UNKNOWN_WORKER: x"));
        meters.onEvent(new RoofworxEvent.EntryBlocked(entry, Destination.COLD, "INVALID_DATA", "INVALID_DATA: y"));

        assertThat(count("roofworx.entries.blocked", "destination", "cold")).isEqualTo(2);
        assertThat(registry.get("roofworx.entries.blocked").counters())
                .allSatisfy(c -> assertThat(c.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey).containsExactly("destination"));
    }

    @Test
    void cacheHitsMissesAndStaleAnswers() {
        meters.onEvent(new RoofworxEvent.ProjectCacheHit("a"));
        meters.onEvent(new RoofworxEvent.ProjectCacheHit("a"));
        meters.onEvent(new RoofworxEvent.ProjectCacheHit("b"));
        meters.onEvent(new RoofworxEvent.ProjectCacheMiss("c"));
        meters.onEvent(new RoofworxEvent.ProjectsServedStale("c", new RuntimeException("zoho down")));
        meters.onEvent(new RoofworxEvent.StoreFailed("redis", "projects", "timeout", null, FailureKind.TRANSIENT));

        assertThat(count("roofworx.project.cache.requests", "result", "hit")).isEqualTo(3);
        assertThat(count("roofworx.project.cache.requests", "result", "miss")).isEqualTo(1);
        assertThat(registry.get("roofworx.project.cache.hit.ratio").gauge().value()).isEqualTo(0.75);
        assertThat(registry.get("roofworx.projects.served.stale").counter().count()).isEqualTo(1);
        assertThat(count("roofworx.store.failures", "store", "redis")).isEqualTo(1);
    }

    @Test
    void gaugesReadTheEngineOncePerTtl() {
        AtomicReference<SyncStats> stats = new AtomicReference<>(new SyncStats(7, 2, 3, 40, 12));
        Map<Destination, DestinationPause> pauses = new EnumMap<>(Destination.class);
        Instant since = Instant.parse("2026-03-02T09:00:00Z");
        pauses.put(Destination.COLD, new DestinationPause(Destination.COLD, since, since.plusSeconds(30), 2,
                "503", FailureKind.TRANSIENT));
        AtomicInteger reads = new AtomicInteger();
        AtomicLong nanos = new AtomicLong();
        MeterRegistry r = new SimpleMeterRegistry();
        RoofworxMeters bound = new RoofworxMeters(r, Tags.of("instance", "a"), Duration.ofSeconds(1), nanos::get);
        bound.bindTo(engine(() -> {
            reads.incrementAndGet();
            return stats.get();
        }, pauses));

        assertThat(gauge(r, "roofworx.sync.queue.depth")).isEqualTo(7);
        assertThat(gauge(r, "roofworx.sync.blocked")).isEqualTo(5);
        assertThat(gauge(r, "roofworx.sync.blocked.warm")).isEqualTo(2);
        assertThat(gauge(r, "roofworx.sync.blocked.cold")).isEqualTo(3);
        assertThat(gauge(r, "roofworx.sync.cold.backlog")).isEqualTo(40);
        assertThat(gauge(r, "roofworx.cold.calls.today")).isEqualTo(12);
        assertThat(r.get("roofworx.destination.paused").tag("destination", "cold").gauge().value()).isEqualTo(1);
        assertThat(r.get("roofworx.destination.paused").tag("destination", "warm").gauge().value()).isZero();
        assertThat(r.get("roofworx.destination.paused.since").tag("destination", "cold").gauge().value())
                .isEqualTo(since.getEpochSecond());
        assertThat(r.get("roofworx.destination.paused.since").tag("destination", "cold").gauge().getId()
                .getBaseUnit()).isEqualTo("seconds");
        assertThat(r.get("roofworx.sync.queue.depth").gauge().getId().getTag("instance")).isEqualTo("a");
        assertThat(reads).hasValue(1);

        stats.set(new SyncStats(9, 0, 0, 0, 0));
        assertThat(gauge(r, "roofworx.sync.queue.depth")).isEqualTo(7);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(gauge(r, "roofworx.sync.queue.depth")).isEqualTo(9);
        assertThat(reads).hasValue(2);

        stats.set(null);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(gauge(r, "roofworx.sync.queue.depth")).isNaN();
    }

    @Test
    void recordsTheSdksOwnEventsEndToEnd() {
        String worker = "anna@example.com";
        InMemoryProjectSource source = new InMemoryProjectSource()
                .put(new Project("1001", "Maple St re-roof", "Active", true, "Maple Holdings", "12 Maple St"))
                .assign(worker, "1001");
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        RoofworxMeters sdkMeters = new RoofworxMeters(own);
        java.util.List<RoofworxEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Roofworx roofworx = Roofworx.builder()
                .projectSource(source)
                .projectCache(new InMemoryProjectCache())
                .hotStore(new InMemoryHotEntryStore())
                .warmStore(new InMemoryWarmEntryStore())
                .coldSink(new InMemoryColdEntrySink())
                .config(RoofworxConfig.builder().syncAfterSubmit(false).coldLinger(Duration.ZERO).build())
                .listener(e -> {
                    events.add(e);
                    sdkMeters.onEvent(e);
                })
                .build()) {
            sdkMeters.bindTo(roofworx.sync());
            roofworx.projects().projectsFor(worker);
            roofworx.projects().projectsFor(worker);
            roofworx.entries().submit(worker, EntryDraft.of("1001", LocalDate.now(ZoneOffset.UTC), 240));
            assertThat(gauge(own, "roofworx.sync.queue.depth")).isEqualTo(1);

            roofworx.sync().runOnce();
            roofworx.sync().runOnce();
        }

        assertThat(own.get("roofworx.project.cache.requests").tag("result", "miss").counter().count())
                .isEqualTo(events.stream().filter(RoofworxEvent.ProjectCacheMiss.class::isInstance).count())
                .isPositive();
        assertThat(own.get("roofworx.project.cache.requests").tag("result", "hit").counter().count())
                .isEqualTo(events.stream().filter(RoofworxEvent.ProjectCacheHit.class::isInstance).count())
                .isPositive();
        assertThat(own.get("roofworx.entries.submitted").tags("result", "created", "tier", "hot").counter().count())
                .isEqualTo(1);
        assertThat(own.get("roofworx.sync.lag").tag("destination", "warm").timer().count()).isEqualTo(1);
        assertThat(own.get("roofworx.sync.lag").tag("destination", "cold").timer().count()).isEqualTo(1);
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private static double gauge(MeterRegistry r, String name) {
        return r.get(name).gauge().value();
    }

    private static SyncEngine engine(java.util.function.Supplier<SyncStats> stats,
                                     Map<Destination, DestinationPause> pauses) {
        return (SyncEngine) Proxy.newProxyInstance(SyncEngine.class.getClassLoader(), new Class<?>[]{SyncEngine.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "stats" -> {
                        SyncStats s = stats.get();
                        if (s == null) {
                            throw new IllegalStateException("store down");
                        }
                        yield s;
                    }
                    case "pauses" -> pauses;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
