package com.roofworx.sdk;

import com.roofworx.sdk.event.RoofworxEventListener;
import com.roofworx.sdk.internal.DefaultProjectCatalog;
import com.roofworx.sdk.internal.DefaultSyncEngine;
import com.roofworx.sdk.internal.DefaultTimeEntries;
import com.roofworx.sdk.internal.Events;
import com.roofworx.sdk.internal.IdOwnerCheck;
import com.roofworx.sdk.internal.SyncScheduler;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.ProjectCache;
import com.roofworx.sdk.spi.ProjectSource;
import com.roofworx.sdk.spi.WarmEntryStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SDK's entry point: wires the adapters to the engine.
 * <pre>{@code
 * Roofworx roofworx = Roofworx.builder()
 *     .projectSource(source).projectCache(cache)
 *     .hotStore(hot).warmStore(warm).coldSink(cold)
 *     .build();
 * roofworx.start();                       // periodic sync in the background
 * roofworx.entries().submit(user, draft); // instant; synced behind
 * roofworx.close();                       // finishes the batch in hand
 * }</pre>
 */
public final class Roofworx implements AutoCloseable {
    private final RoofworxConfig config;
    private final ProjectCatalog projects;
    private final TimeEntries entries;
    private final DefaultSyncEngine sync;
    private final SyncScheduler scheduler;

    private Roofworx(Builder b) {
        this.config = b.config;
        Events events = new Events(b.listeners);
        this.projects = new DefaultProjectCatalog(b.projectSource, b.projectCache, config.projectCacheTtl(),
                config.permissionCacheTtl(), config.projectStaleIfError(), b.clock, events);
        boolean ownsExecutor = b.executor == null;
        ScheduledExecutorService executor = ownsExecutor ? defaultExecutor() : b.executor;
        this.sync = new DefaultSyncEngine(b.hotStore, b.warmStore, b.coldSink, config, b.clock, events, executor);
        this.scheduler = new SyncScheduler(sync, executor, ownsExecutor, events);
        this.entries = new DefaultTimeEntries(b.hotStore, b.warmStore, projects, config.backdatingWindow(),
                config.hotWindow(), b.clock, events,
                config.syncAfterSubmit() ? scheduler::afterSubmit : () -> { },
                new IdOwnerCheck(b.warmStore, sync.pauseState(), events, config.checkIdOwner()),
                config.correctionWindow());
    }

    /**
     * A builder; the five adapters are required.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the project service: a worker's projects and refreshes, never null */
    public ProjectCatalog projects() {
        return projects;
    }

    /** @return the entry service: submit, read and list, never null */
    public TimeEntries entries() {
        return entries;
    }

    /** @return the sync engine: runs, stats, pauses and blocked entries, never null */
    public SyncEngine sync() {
        return sync;
    }

    /** @return the settings this instance runs with, never null */
    public RoofworxConfig config() {
        return config;
    }

    /** Starts the periodic sync (every {@link RoofworxConfig#syncInterval()}). Submits sync in the background either way. */
    public Roofworx start() {
        scheduler.start(config.syncInterval());
        return this;
    }

    /** Stops background work; the batch in hand is finished, within {@link RoofworxConfig#shutdownTimeout()}. */
    @Override
    public void close() {
        scheduler.close(config.shutdownTimeout());
    }

    private static ScheduledExecutorService defaultExecutor() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "roofworx-sync-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Builder of {@link Roofworx}. The five adapters are required; everything else has a default. */
    public static final class Builder {
        private ProjectSource projectSource;
        private ProjectCache projectCache;
        private HotEntryStore hotStore;
        private WarmEntryStore warmStore;
        private ColdEntrySink coldSink;
        private Clock clock = Clock.system();
        private RoofworxConfig config = RoofworxConfig.ofDefaults();
        private ScheduledExecutorService executor;
        private final List<RoofworxEventListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Where projects and assignments come from (Zoho CRM). Required.
         *
         * @param value the source
         * @return this builder
         */
        public Builder projectSource(ProjectSource value) {
            projectSource = Checks.notNull("projectSource", value);
            return this;
        }

        /**
         * Where project lists are cached (Redis). Required.
         *
         * @param value the cache
         * @return this builder
         */
        public Builder projectCache(ProjectCache value) {
            projectCache = Checks.notNull("projectCache", value);
            return this;
        }

        /**
         * Where a submit lands first and the sync queue lives (Redis). Required.
         *
         * @param value the hot store
         * @return this builder
         */
        public Builder hotStore(HotEntryStore value) {
            hotStore = Checks.notNull("hotStore", value);
            return this;
        }

        /**
         * The durable store entries are written behind to (PostgreSQL). Required.
         *
         * @param value the warm store
         * @return this builder
         */
        public Builder warmStore(WarmEntryStore value) {
            warmStore = Checks.notNull("warmStore", value);
            return this;
        }

        /**
         * The compliance copy (Zoho CRM {@code Time_Entries}). Required.
         *
         * @param value the cold sink
         * @return this builder
         */
        public Builder coldSink(ColdEntrySink value) {
            coldSink = Checks.notNull("coldSink", value);
            return this;
        }

        /**
         * The time source. Default: the system clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            clock = Checks.notNull("clock", value);
            return this;
        }

        /**
         * The settings. Default: {@link RoofworxConfig#ofDefaults()}.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder config(RoofworxConfig value) {
            config = Checks.notNull("config", value);
            return this;
        }

        /**
         * Runs background syncs on the embedder's executor (for example a container's managed scheduled
         * executor). The SDK then does not shut it down. Default: two daemon threads of its own. A drain also hands
         * the hot store's side of its work (acknowledging, claiming ahead) to this executor, to run beside its
         * warm write; when no thread is free in time it does that work itself, so any pool size is safe.
         */
        public Builder executor(ScheduledExecutorService value) {
            executor = Checks.notNull("executor", value);
            return this;
        }

        /**
         * Adds a listener for every {@link com.roofworx.sdk.event.RoofworxEvent}; may be called more than once.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(RoofworxEventListener value) {
            listeners.add(Checks.notNull("listener", value));
            return this;
        }

        /**
         * Builds the SDK; call {@link Roofworx#start()} to run the background sync.
         *
         * @return the SDK, never null
         * @throws ValidationException when an adapter is missing
         */
        public Roofworx build() {
            Checks.notNull("projectSource", projectSource);
            Checks.notNull("projectCache", projectCache);
            Checks.notNull("hotStore", hotStore);
            Checks.notNull("warmStore", warmStore);
            Checks.notNull("coldSink", coldSink);
            return new Roofworx(this);
        }
    }
}
