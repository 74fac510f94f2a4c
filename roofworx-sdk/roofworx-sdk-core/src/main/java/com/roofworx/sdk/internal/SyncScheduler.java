package com.roofworx.sdk.internal;

import com.roofworx.sdk.event.RoofworxEvent;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sync engine in the background: once per interval for everybody, and right after a submit for
 * that user. After-submit runs are coalesced per user, so a burst of submits costs one run, not one each.
 */
public final class SyncScheduler implements AutoCloseable {
    private final DefaultSyncEngine engine;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final Events events;
    private final Set<String> pendingUsers = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> periodic;
    private volatile boolean closed;

    public SyncScheduler(DefaultSyncEngine engine, ScheduledExecutorService executor, boolean ownsExecutor,
                         Events events) {
        this.engine = engine;
        this.executor = executor;
        this.ownsExecutor = ownsExecutor;
        this.events = events;
    }

    /** Starts the periodic run; calling it again does nothing. */
    public synchronized void start(Duration interval) {
        if (periodic == null && !closed) {
            long millis = interval.toMillis();
            periodic = executor.scheduleWithFixedDelay(this::runAll, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Schedules a background sync of {@code user}'s queue unless one is already waiting to run. */
    public void afterSubmit(String user) {
        if (closed || !pendingUsers.add(user)) {
            return;
        }
        try {
            executor.execute(() -> {
                pendingUsers.remove(user);
                guarded(() -> engine.syncUser(user));
            });
        } catch (RejectedExecutionException e) {
            // Shutting down or saturated: the periodic run picks the entry up.
            pendingUsers.remove(user);
        }
    }

    private void runAll() {
        guarded(engine::runOnce);
    }

    private void guarded(Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            events.publish(new RoofworxEvent.StoreFailed("sync", "background run", String.valueOf(e.getMessage())));
        }
    }

    /**
     * Stops scheduling, lets the batches in hand finish and be acknowledged within {@code timeout}. Work not
     * finished by then is left to its lease: another instance (or the next start) claims it again.
     */
    public void close(Duration timeout) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (periodic != null) {
                periodic.cancel(false);
            }
        }
        engine.stop();
        if (ownsExecutor) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
