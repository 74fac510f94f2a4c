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
        this.sync = new DefaultSyncEngine(b.hotStore, b.warmStore, b.coldSink, config, b.clock, events);
        boolean ownsExecutor = b.executor == null;
        ScheduledExecutorService executor = ownsExecutor ? defaultExecutor() : b.executor;
        this.scheduler = new SyncScheduler(sync, executor, ownsExecutor, events);
        this.entries = new DefaultTimeEntries(b.hotStore, b.warmStore, projects, config.backdatingWindow(),
                config.hotWindow(), b.clock, events,
                config.syncAfterSubmit() ? scheduler::afterSubmit : () -> { },
                new IdOwnerCheck(b.warmStore, sync.pauseState(), events, config.checkIdOwner()),
                config.correctionWindow());
    }

    public static Builder builder() {
        return new Builder();
    }

    public ProjectCatalog projects() {
        return projects;
    }

    public TimeEntries entries() {
        return entries;
    }

    public SyncEngine sync() {
        return sync;
    }

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

        public Builder projectSource(ProjectSource value) {
            projectSource = required("projectSource", value);
            return this;
        }

        public Builder projectCache(ProjectCache value) {
            projectCache = required("projectCache", value);
            return this;
        }

        public Builder hotStore(HotEntryStore value) {
            hotStore = required("hotStore", value);
            return this;
        }

        public Builder warmStore(WarmEntryStore value) {
            warmStore = required("warmStore", value);
            return this;
        }

        public Builder coldSink(ColdEntrySink value) {
            coldSink = required("coldSink", value);
            return this;
        }

        public Builder clock(Clock value) {
            clock = required("clock", value);
            return this;
        }

        public Builder config(RoofworxConfig value) {
            config = required("config", value);
            return this;
        }

        /**
         * Runs background syncs on the embedder's executor (for example a container's managed scheduled
         * executor). The SDK then does not shut it down. Default: two daemon threads of its own.
         */
        public Builder executor(ScheduledExecutorService value) {
            executor = required("executor", value);
            return this;
        }

        public Builder listener(RoofworxEventListener value) {
            listeners.add(required("listener", value));
            return this;
        }

        public Roofworx build() {
            required("projectSource", projectSource);
            required("projectCache", projectCache);
            required("hotStore", hotStore);
            required("warmStore", warmStore);
            required("coldSink", coldSink);
            return new Roofworx(this);
        }

        private static <T> T required(String field, T value) {
            if (value == null) {
                throw ValidationException.of(field, null, "must not be null");
            }
            return value;
        }
    }
}
