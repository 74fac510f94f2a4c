package com.roofworx.sdk.micrometer;

import com.roofworx.sdk.Checks;
import com.roofworx.sdk.SyncEngine;
import com.roofworx.sdk.SyncEngine.SyncStats;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.event.RoofworxEventListener;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.spi.FailureKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Records the SDK's metrics in a Micrometer {@link MeterRegistry}: counters and timers fed by the SDK's events,
 * and gauges read from the {@link SyncEngine} when the registry is scraped. The metric names are the ones
 * docs/metrics.md lists; with a Prometheus registry they render exactly as the reference app's
 * {@code GET /api/metrics} does.
 *
 * <pre>{@code
 * RoofworxMeters meters = new RoofworxMeters(registry);
 * Roofworx roofworx = Roofworx.builder() ... .listener(meters).build();
 * meters.bindTo(roofworx.sync());   // queue depth, blocked, cold backlog, paused destinations
 * }</pre>
 *
 * <p>Tags come from fixed sets only (result, tier, destination, failure kind, cache result, store name), so
 * no user, entry or refusal code ever becomes a tag. Thread-safe; {@link #onEvent} does not block.
 */
public final class RoofworxMeters implements RoofworxEventListener {

    /** Accepted submits; tags {@code result} (created, repeat) and {@code tier} (hot, warm). */
    public static final String ENTRIES_SUBMITTED = "roofworx.entries.submitted";
    /** Corrections and voids; tags {@code kind} (correct, void) and {@code tier} (hot, warm). */
    public static final String ENTRIES_CHANGED = "roofworx.entries.changed";
    /** Entries written to a destination; tag {@code destination} (warm, cold). */
    public static final String ENTRIES_SYNCED = "roofworx.entries.synced";
    /** Timer: an entry's creation to its write at a destination; tag {@code destination}. */
    public static final String SYNC_LAG = "roofworx.sync.lag";
    /** Failed sync attempts (each retried); tags {@code destination} and {@code kind} (transient, permanent). */
    public static final String SYNC_FAILURES = "roofworx.sync.failures";
    /** Entries parked as blocked; tag {@code destination} (the refusal code is deliberately not a tag). */
    public static final String ENTRIES_BLOCKED = "roofworx.entries.blocked";
    /** Project list reads; tag {@code result} (hit, miss). */
    public static final String PROJECT_CACHE_REQUESTS = "roofworx.project.cache.requests";
    /** Gauge: hits over all project reads since start, 0 before the first. */
    public static final String PROJECT_CACHE_HIT_RATIO = "roofworx.project.cache.hit.ratio";
    /** Project lists answered from the last known list because the source failed. */
    public static final String PROJECTS_SERVED_STALE = "roofworx.projects.served.stale";
    /** Store or sink failures the SDK worked around; tag {@code store}. */
    public static final String STORE_FAILURES = "roofworx.store.failures";
    /** Gauge: entries in the hot queue waiting for their warm write. */
    public static final String SYNC_QUEUE_DEPTH = "roofworx.sync.queue.depth";
    /** Gauge: blocked entries, all destinations. */
    public static final String SYNC_BLOCKED = "roofworx.sync.blocked";
    /** Gauge: entries the warm store refused. */
    public static final String SYNC_BLOCKED_WARM = "roofworx.sync.blocked.warm";
    /** Gauge: entries the cold sink refused (-1: unreadable). */
    public static final String SYNC_BLOCKED_COLD = "roofworx.sync.blocked.cold";
    /** Gauge: entries in the warm store still owed to the cold sink (-1: unreadable). */
    public static final String SYNC_COLD_BACKLOG = "roofworx.sync.cold.backlog";
    /** Gauge: cold calls made today (UTC) by all instances (-1: unreadable). */
    public static final String COLD_CALLS_TODAY = "roofworx.cold.calls.today";
    /** Gauge: 1 while a destination is paused, else 0; tag {@code destination}. */
    public static final String DESTINATION_PAUSED = "roofworx.destination.paused";
    /** Gauge (seconds): when a destination was paused, epoch seconds, 0 when it is not; tag {@code destination}. */
    public static final String DESTINATION_PAUSED_SINCE = "roofworx.destination.paused.since";

    /** The sync lag buckets, as in the reference app. */
    static final Duration[] LAG_BUCKETS = {
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofDays(1)};

    private static final Duration DEFAULT_STATS_TTL = Duration.ofSeconds(1);

    private final MeterRegistry registry;
    private final Tags commonTags;
    private final long statsTtlNanos;
    private final LongSupplier nanoTime;

    private final Counter[][] submitted = new Counter[2][2];   // [created?0:1][tier]
    private final Map<Destination, Counter> synced = new EnumMap<>(Destination.class);
    private final Map<Destination, Timer> lag = new EnumMap<>(Destination.class);
    private final Map<Destination, Map<FailureKind, Counter>> failures = new EnumMap<>(Destination.class);
    private final Map<Destination, Counter> blocked = new EnumMap<>(Destination.class);
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Counter stale;

    private final Object statsLock = new Object();
    private SyncEngine sync;
    private SyncStats stats;
    private Map<Destination, DestinationPause> pauses = Map.of();
    private long readAt;
    private boolean read;

    /** Meters in {@code registry} with no extra tags; gauges are read at most once a second. */
    public RoofworxMeters(MeterRegistry registry) {
        this(registry, Tags.empty(), DEFAULT_STATS_TTL);
    }

    /**
     * Meters in {@code registry}, each with {@code commonTags} added (for example the instance or the tenant).
     *
     * @param registry   where the meters go
     * @param commonTags tags added to every meter
     * @param statsTtl   how long one read of {@link SyncEngine#stats()} and {@link SyncEngine#pauses()} serves
     *                   the gauges: each read costs calls to the hot and warm stores, so scrapes of all the
     *                   gauges share one
     */
    public RoofworxMeters(MeterRegistry registry, Iterable<Tag> commonTags, Duration statsTtl) {
        this(registry, commonTags, statsTtl, System::nanoTime);
    }

    RoofworxMeters(MeterRegistry registry, Iterable<Tag> commonTags, Duration statsTtl, LongSupplier nanoTime) {
        this.registry = Checks.notNull("registry", registry);
        this.commonTags = Tags.of(Checks.notNull("commonTags", commonTags));
        this.statsTtlNanos = Checks.notNull("statsTtl", statsTtl).toNanos();
        this.nanoTime = nanoTime;
        for (RoofworxEvent.Tier tier : RoofworxEvent.Tier.values()) {
            submitted[0][tier.ordinal()] = counter(ENTRIES_SUBMITTED, "Accepted submits by result and the tier "
                    + "that took them", "result", "created", "tier", lower(tier));
            submitted[1][tier.ordinal()] = counter(ENTRIES_SUBMITTED, "Accepted submits by result and the tier "
                    + "that took them", "result", "repeat", "tier", lower(tier));
        }
        for (Destination d : Destination.values()) {
            synced.put(d, counter(ENTRIES_SYNCED, "Entries written to a destination", "destination", lower(d)));
            lag.put(d, Timer.builder(SYNC_LAG)
                    .description("Time from an entry's acceptance to its write at a destination")
                    .tags(this.commonTags).tag("destination", lower(d))
                    .serviceLevelObjectives(LAG_BUCKETS)
                    .register(registry));
            Map<FailureKind, Counter> byKind = new EnumMap<>(FailureKind.class);
            for (FailureKind kind : FailureKind.values()) {
                byKind.put(kind, counter(SYNC_FAILURES, "Failed sync attempts by destination and failure kind; "
                        + "each is retried", "destination", lower(d), "kind", lower(kind)));
            }
            failures.put(d, byKind);
            blocked.put(d, counter(ENTRIES_BLOCKED, "Entries parked as blocked by destination",
                    "destination", lower(d)));
        }
        cacheHits = counter(PROJECT_CACHE_REQUESTS, "Project list reads by cache result", "result", "hit");
        cacheMisses = counter(PROJECT_CACHE_REQUESTS, "Project list reads by cache result", "result", "miss");
        stale = counter(PROJECTS_SERVED_STALE, "Project lists answered from the last known list because the "
                + "project source failed");
        Gauge.builder(PROJECT_CACHE_HIT_RATIO, this, RoofworxMeters::cacheHitRatio)
                .description("Project cache hits over all project reads").tags(this.commonTags)
                .register(registry);
    }

    /**
     * Registers the gauges read from {@code sync}: queue depth, blocked counts, cold backlog, cold calls today
     * and the paused destinations. Call once, after the SDK is built ({@code meters.bindTo(roofworx.sync())}).
     * A gauge whose read fails shows NaN until the next successful read.
     *
     * @param sync the engine to read
     * @return this
     */
    public RoofworxMeters bindTo(SyncEngine sync) {
        Checks.notNull("sync", sync);
        synchronized (statsLock) {
            if (this.sync != null) {
                throw new IllegalStateException("already bound to a sync engine");
            }
            this.sync = sync;
        }
        statsGauge(SYNC_QUEUE_DEPTH, "Entries waiting for their warm write", SyncStats::queued);
        statsGauge(SYNC_BLOCKED, "Entries refused by a destination, parked until replayed", SyncStats::blocked);
        statsGauge(SYNC_BLOCKED_WARM, "Entries the warm store refused", SyncStats::warmBlocked);
        statsGauge(SYNC_BLOCKED_COLD, "Entries the cold sink refused (-1: unreadable)", SyncStats::coldBlocked);
        statsGauge(SYNC_COLD_BACKLOG, "Entries in the warm store still owed to the cold sink (-1: unreadable)",
                SyncStats::coldPending);
        statsGauge(COLD_CALLS_TODAY, "Cold calls made today (UTC) by all instances (-1: unreadable)",
                SyncStats::coldCallsToday);
        for (Destination d : Destination.values()) {
            Gauge.builder(DESTINATION_PAUSED, this, m -> m.pause(d) == null ? 0 : 1)
                    .description("1 while the destination is paused because it failed as a whole")
                    .tags(commonTags).tag("destination", lower(d)).register(registry);
            Gauge.builder(DESTINATION_PAUSED_SINCE, this, m -> {
                        DestinationPause p = m.pause(d);
                        return p == null ? 0 : p.since().getEpochSecond();
                    })
                    .description("When the destination was paused (epoch seconds; 0: not paused)")
                    .baseUnit("seconds").tags(commonTags).tag("destination", lower(d)).register(registry);
        }
        return this;
    }

    @Override
    public void onEvent(RoofworxEvent event) {
        if (event instanceof RoofworxEvent.EntrySubmitted e) {
            submitted[e.created() ? 0 : 1][e.storedIn().ordinal()].increment();
        } else if (event instanceof RoofworxEvent.EntryChanged e) {
            registry.counter(ENTRIES_CHANGED, commonTags.and("kind", e.entry().voided() ? "void" : "correct",
                    "tier", lower(e.storedIn()))).increment();
        } else if (event instanceof RoofworxEvent.EntrySynced e) {
            synced.get(e.destination()).increment();
            if (e.lag() != null) {
                lag.get(e.destination()).record(e.lag().isNegative() ? Duration.ZERO : e.lag());
            }
        } else if (event instanceof RoofworxEvent.SyncFailed e) {
            failures.get(e.destination()).get(e.kind() == null ? FailureKind.TRANSIENT : e.kind()).increment();
        } else if (event instanceof RoofworxEvent.EntryBlocked e) {
            blocked.get(e.destination()).increment();
        } else if (event instanceof RoofworxEvent.ProjectCacheHit) {
            cacheHits.increment();
        } else if (event instanceof RoofworxEvent.ProjectCacheMiss) {
            cacheMisses.increment();
        } else if (event instanceof RoofworxEvent.ProjectsServedStale) {
            stale.increment();
        } else if (event instanceof RoofworxEvent.StoreFailed e) {
            registry.counter(STORE_FAILURES, commonTags.and("store", String.valueOf(e.store()))).increment();
        }
    }

    /** Hits over all project reads since start; 0 before the first read. */
    public double cacheHitRatio() {
        double hits = cacheHits.count();
        double all = hits + cacheMisses.count();
        return all == 0 ? 0 : hits / all;
    }

    private void statsGauge(String name, String description, ToDoubleFunction<SyncStats> value) {
        Gauge.builder(name, this, m -> {
                    SyncStats s = m.stats();
                    return s == null ? Double.NaN : value.applyAsDouble(s);
                })
                .description(description).tags(commonTags).register(registry);
    }

    private SyncStats stats() {
        refresh();
        synchronized (statsLock) {
            return stats;
        }
    }

    private DestinationPause pause(Destination d) {
        refresh();
        synchronized (statsLock) {
            return pauses.get(d);
        }
    }

    private void refresh() {
        synchronized (statsLock) {
            long now = nanoTime.getAsLong();
            if (sync == null || (read && now - readAt < statsTtlNanos)) {
                return;
            }
            read = true;
            readAt = now;
            try {
                stats = sync.stats();
            } catch (RuntimeException e) {
                stats = null;
            }
            try {
                pauses = Map.copyOf(sync.pauses());
            } catch (RuntimeException e) {
                // keep the last known pauses: an unreadable store says nothing about them
            }
        }
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(commonTags).tags(tags).register(registry);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
