package com.roofworx.sdk.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BesideTest {

    @Test
    @DisplayName("a free executor runs the work on its own thread, and join gives its result")
    void runsBeside() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "beside-pool"));
        try {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch go = new CountDownLatch(1);
            Beside<String> beside = Beside.start(pool, () -> {
                started.countDown();
                await(go);
                return Thread.currentThread().getName();
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).as("the pool took the work").isTrue();
            go.countDown();
            assertThat(beside.join()).isEqualTo("beside-pool");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("on a busy single-thread executor join runs the work itself, once: the caller never waits on the pool")
    void busyPoolRunsInline() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch blocker = new CountDownLatch(1);
        try {
            pool.execute(() -> await(blocker));
            AtomicInteger runs = new AtomicInteger();
            Beside<String> beside = Beside.start(pool, () -> {
                runs.incrementAndGet();
                return Thread.currentThread().getName();
            });
            assertThat(beside.join()).isEqualTo(Thread.currentThread().getName());
            blocker.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(runs).as("the queued hand-off found the work taken").hasValue(1);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            blocker.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a refused hand-off (pool shut down) runs inline; a failure of the work reaches join")
    void rejectedAndFailing() {
        Beside<Integer> inline = Beside.start(r -> {
            throw new RejectedExecutionException("shut down");
        }, () -> 42);
        assertThat(inline.join()).isEqualTo(42);

        Beside<Integer> failing = Beside.start(Runnable::run, () -> {
            throw new IllegalStateException("boom");
        });
        assertThatThrownBy(failing::join).hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("boom");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
