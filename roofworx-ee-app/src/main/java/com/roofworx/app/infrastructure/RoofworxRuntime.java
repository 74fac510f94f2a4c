package com.roofworx.app.infrastructure;

import com.roofworx.app.infrastructure.metrics.RoofworxMetrics;
import com.roofworx.sdk.Roofworx;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns the SDK for the application's lifetime: builds the adapters from the settings, runs the SDK's
 * background sync (after each submit, and every {@code roofworx.sync.interval}) and the project reload (every
 * {@code roofworx.projects.refresh-interval}) on the container's managed scheduled executor, and shuts all of it
 * down in order when the application stops: schedules first, then the SDK, then the clients and pools.
 */
@ApplicationScoped
public class RoofworxRuntime {
    private static final Logger LOG = Logger.getLogger(RoofworxRuntime.class.getName());

    /**
     * Health checks answer within this, whatever the services do: well inside the 1 s a load balancer's probe
     * typically waits. A healthy service answers a probe in milliseconds.
     */
    static final Duration PROBE_DEADLINE = Duration.ofMillis(400);

    @Resource
    ManagedScheduledExecutorService scheduler;


    @Inject
    AppSettings settings;

    @Inject
    RoofworxMetrics metrics;

    private Adapters adapters;
    private Roofworx roofworx;
    private ScheduledFuture<?> projectRefresh;
    private ExecutorService probeThreads;
    private TimedProbes probes;
    private CoalescedReload reloads;

    @PostConstruct
    void start() {
        adapters = AdapterWiring.create(settings);
        Roofworx.Builder builder = Roofworx.builder();
        adapters.listeners.forEach(builder::listener);
        roofworx = builder
                .projectSource(adapters.projectSource)
                .projectCache(adapters.projectCache)
                .hotStore(adapters.hotStore)
                .warmStore(adapters.warmStore)
                .coldSink(adapters.coldSink)
                .config(settings.sdkConfig())
                .executor(scheduler)
                .listener(metrics)
                .build()
                .start();
        // One thread per probe at most: TimedProbes never starts a probe while its previous run still hangs.
        // Plain daemon threads: a probe only uses clients built already and needs no container context, and
        // threads from the container's factory, started from the health endpoint's thread, never ran it.
        probeThreads = Executors.newFixedThreadPool(Math.max(1, adapters.probes().size()), probeThread());
        probes = new TimedProbes(adapters.probes(), probeThreads, PROBE_DEADLINE);
        reloads = new CoalescedReload(() -> roofworx.projects().refreshAll(), scheduler);
        Duration every = settings.projectsRefreshInterval();
        if (!every.isZero()) {
            // Instances share the turn through the project cache: N instances reload once per interval between
            // them. A tenth of slack, so the instance whose turn it is does not miss it by a scheduling jitter.
            Duration turn = every.minus(every.dividedBy(10));
            projectRefresh = scheduler.scheduleWithFixedDelay(() -> refreshProjectsIfDue(turn), every.toMillis(),
                    every.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (settings.refreshProjectsOnStart()) {
            // Fills the project cache in the background so the first worker does not wait for the source.
            scheduler.execute(this::refreshProjects);
        }
        LOG.info(() -> "Roofworx started: hot=" + settings.hotStore() + ", warm=" + settings.warmStore()
                + ", cold=" + settings.coldStore() + ", " + roofworx.config());
    }

    private static java.util.concurrent.ThreadFactory probeThread() {
        ClassLoader app = RoofworxRuntime.class.getClassLoader();
        return task -> {
            Thread t = new Thread(task, "roofworx-health-probe");
            t.setDaemon(true);
            t.setContextClassLoader(app);
            return t;
        };
    }

    /** The SDK, for injection. Dependent scope: the instance itself lives as long as this bean. */
    @Produces
    Roofworx roofworx() {
        return roofworx;
    }

    public List<StoreProbe> probes() {
        return adapters.probes();
    }

    /** Every probe's result, within {@link #PROBE_DEADLINE}. */
    public Map<String, StoreProbe.Result> checkProbes() {
        return probes.checkAll();
    }

    /** Full project reloads, at most one at a time (webhooks and the schedule share it). */
    public CoalescedReload projectReloads() {
        return reloads;
    }

    private void refreshProjectsIfDue(Duration turn) {
        try {
            int count = roofworx.projects().refreshAllIfDue(turn);
            LOG.fine(() -> count < 0 ? "projects reloaded recently by another instance" : "projects reloaded: " + count);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "project reload failed (the next run retries): {0}", e.getMessage());
        }
    }

    private void refreshProjects() {
        try {
            reloads.request().ifPresent(count -> LOG.fine(() -> "projects reloaded: " + count));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "project reload failed (the next run retries): {0}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (projectRefresh != null) {
            projectRefresh.cancel(false);
        }
        if (probeThreads != null) {
            probeThreads.shutdownNow();
        }
        if (roofworx != null) {
            roofworx.close();
        }
        if (adapters != null) {
            adapters.close();
        }
        LOG.info("Roofworx stopped");
    }
}
