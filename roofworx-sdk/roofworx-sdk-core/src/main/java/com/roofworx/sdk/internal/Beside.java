package com.roofworx.sdk.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Work handed to an executor to run beside the caller's own, which the caller takes back and runs itself if no
 * thread has started it by the time it needs the result. So it never waits on a busy or single-threaded
 * executor (the embedder's, possibly the very one the caller runs on), and a rejected hand-off just runs inline.
 */
final class Beside<T> {
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Supplier<T> work;

    private Beside(Supplier<T> work) {
        this.work = work;
    }

    static <T> Beside<T> start(Executor executor, Supplier<T> work) {
        Beside<T> beside = new Beside<>(work);
        try {
            executor.execute(beside::runIfFree);
        } catch (RejectedExecutionException e) {
            // Shutting down: the caller runs it.
        }
        return beside;
    }

    /** The work's result: run here if no thread took it, else awaited. The work must not throw. */
    T join() {
        runIfFree();
        return result.join();
    }

    private void runIfFree() {
        if (taken.compareAndSet(false, true)) {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }
    }
}
