package com.roofworx.sdk.internal;

import com.roofworx.sdk.event.RoofworxEvent;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the sync engine in the background: once per interval (queue and warm sweep), and right after a
 * submit (queue only). After-submit drains are coalesced: at most one runs per instance, and submits that
 * arrive meanwhile make it go round once more, so under load each round carries a large batch and the
 * write-behind keeps pace with one warm transaction per round. The drain takes every due entry, the
 * submitting user's earlier failures included (the piggyback recovery).
 */
public final class SyncScheduler implements AutoCloseable {
    private final DefaultSyncEngine engine;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;
    private final Events events;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean drainAgain = new AtomicBoolean();
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

    /** Asks for a background drain of the queue; coalesced with any drain already waiting or running. */
    public void afterSubmit() {
        drainAgain.set(true);
        if (closed || !drainScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drainLoop);
        } catch (RejectedExecutionException e) {
            // Shutting down or saturated: the periodic run picks the entries up.
            drainScheduled.set(false);
        }
    }

    private void drainLoop() {
        try {
            while (drainAgain.getAndSet(false) && !closed) {
                guarded(engine::drainDue);
            }
        } finally {
            drainScheduled.set(false);
        }
        // A submit that came between the last round and the reset above found a drain "scheduled".
        if (drainAgain.get() && !closed) {
            afterSubmit();
        }
    }

    private void runAll() {
        guarded(engine::runOnce);
    }

    private void guarded(Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            events.storeFailed("sync", "background run", e);
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
