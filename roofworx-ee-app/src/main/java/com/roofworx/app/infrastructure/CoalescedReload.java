package com.roofworx.app.infrastructure;

import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At most one full project reload at a time. A request that arrives while one runs does not start another: it
 * asks for one more run after the current one, and however many ask meanwhile, that is a single run (the
 * current one may have read Zoho before their change). A burst of Zoho webhooks thus costs two reloads, not
 * one per webhook.
 */
public final class CoalescedReload {
    private static final Logger LOG = Logger.getLogger(CoalescedReload.class.getName());

    private final IntSupplier reload;
    private final Executor executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /** @param executor runs the follow-up reload, so the caller that ran the first one is not held for it */
    public CoalescedReload(IntSupplier reload, Executor executor) {
        this.reload = reload;
        this.executor = executor;
    }

    /** Reloads now and answers the project count, or answers empty when a reload is running (one more follows). */
    public OptionalInt request() {
        again.set(true);
        if (!running.compareAndSet(false, true)) {
            // The running reload sees "again" when it finishes, or has just finished and we won the race below.
            return OptionalInt.empty();
        }
        try {
            again.set(false);
            return OptionalInt.of(reload.getAsInt());
        } finally {
            running.set(false);
            if (again.get()) {
                executor.execute(this::followUp);
            }
        }
    }

    private void followUp() {
        try {
            request();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "project reload failed (the next one retries): {0}", e.getMessage());
        }
    }
}
