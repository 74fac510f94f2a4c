package com.roofworx.app.infrastructure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescedReloadTest {

    @Test
    void aBurstDuringAReloadBecomesOneMoreReloadNeverAConcurrentOne() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        List<Runnable> queued = new ArrayList<>();
        CoalescedReload reload = new CoalescedReload(() -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                if (runs.incrementAndGet() == 1) {
                    firstStarted.countDown();
                    releaseFirst.await(10, TimeUnit.SECONDS);
                }
                return 7;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                concurrent.decrementAndGet();
            }
        }, queued::add);

        CompletableFuture<OptionalInt> first = CompletableFuture.supplyAsync(reload::request);
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(reload.request()).as("webhook %d during the reload", i).isEmpty();
        }
        releaseFirst.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).hasValue(7);
        assertThat(queued).as("one follow-up for the whole burst").hasSize(1);
        queued.get(0).run();
        assertThat(runs).hasValue(2);
        assertThat(maxConcurrent).hasValue(1);
        assertThat(queued).as("nothing asked during the follow-up").hasSize(1);
    }

    @Test
    void aLoneRequestReloadsOnceAndQueuesNothing() {
        List<Runnable> queued = new ArrayList<>();
        CoalescedReload reload = new CoalescedReload(() -> 3, queued::add);
        assertThat(reload.request()).hasValue(3);
        assertThat(queued).isEmpty();
    }
}
