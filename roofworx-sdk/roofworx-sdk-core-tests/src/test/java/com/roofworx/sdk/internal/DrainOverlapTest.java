package com.roofworx.sdk.internal;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.SyncEngine.SyncReport;
import com.roofworx.sdk.memory.InMemoryProjectCache;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.WarmEntryStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import static com.roofworx.sdk.internal.Harness.ANNA;
import static com.roofworx.sdk.internal.Harness.BEN;
import static com.roofworx.sdk.internal.Harness.MAPLE;
import static org.assertj.core.api.Assertions.assertThat;

/** The drain runs the hot store's side of a round (acknowledge, claim ahead) beside the warm write. */
class DrainOverlapTest {
    private final Harness h = new Harness();

    private List<TimeEntry> submit(Roofworx instance, String user, int n) {
        List<TimeEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(instance.entries().submit(user, h.draft(MAPLE.id())).entry());
        }
        return out;
    }

    @Test
    @DisplayName("while the warm store writes a batch, the next batch is claimed and the one before acknowledged")
    void overlaps() {
        Calls hotCalls = new Calls();
        CountDownLatch secondClaim = new CountDownLatch(1);
        CountDownLatch firstAck = new CountDownLatch(1);
        HotEntryStore hot = watch(HotEntryStore.class, h.hotMemory, hotCalls, (method, count) -> {
            if (method.equals("claim") && count == 2) {
                secondClaim.countDown();
            }
            if (method.equals("completeAll") && count == 1) {
                firstAck.countDown();
            }
        });
        List<Boolean> seenDuringWrites = new ArrayList<>();
        Calls warmCalls = new Calls();
        WarmEntryStore warm = watchBefore(WarmEntryStore.class, h.warmMemory, warmCalls, (method, count) -> {
            if (method.equals("upsert") && count == 1) {
                seenDuringWrites.add(await(secondClaim));
            }
            if (method.equals("upsert") && count == 2) {
                seenDuringWrites.add(await(firstAck));
            }
        });
        try (Roofworx instance = Roofworx.builder().projectSource(h.source).projectCache(new InMemoryProjectCache(h.clock))
                .hotStore(hot).warmStore(warm).coldSink(h.coldMemory).clock(h.clock)
                .config(Harness.config().build()).build()) {
            submit(instance, ANNA, 30);
            SyncReport report = instance.sync().runOnce();
            assertThat(seenDuringWrites).as("batch 2 claimed during the write of batch 1; batch 1 acknowledged "
                    + "during the write of batch 2").containsExactly(true, true);
            assertThat(report.warmSynced()).isEqualTo(30);
            assertThat(instance.sync().stats().queued()).as("the last batch acknowledged before the run ends")
                    .isZero();
            assertThat(h.warmMemory.all()).hasSize(30);
        }
    }

    @Test
    @DisplayName("when the warm store fails, the batch claimed ahead goes back untouched: due now, no attempt counted")
    void aheadGivenBack() {
        List<TimeEntry> entries = submit(h.roofworx, ANNA, 12);
        h.warm.failAlways();
        SyncReport down = h.roofworx.sync().runOnce();
        assertThat(down.claimed()).isEqualTo(10);
        assertThat(down.failed()).isEqualTo(10);
        List<TimeEntry> untried = entries.stream().map(e -> h.hotMemory.get(e.owner(), e.id()).orElseThrow())
                .filter(e -> e.warm().attempts() == 0).toList();
        assertThat(untried).hasSize(2);
        assertThat(h.hotMemory.claim(h.clock.now(), Duration.ofMinutes(1), 100))
                .as("the two are claimable at once: not left leased")
                .extracting(c -> c.entry().id()).containsExactlyInAnyOrderElementsOf(
                        untried.stream().map(TimeEntry::id).toList());
    }

    @Test
    @DisplayName("a probe of a paused warm store claims one batch and nothing ahead")
    void probeIsOneBatch() {
        submit(h.roofworx, ANNA, 12);
        submit(h.roofworx, BEN, 12);
        h.warm.failAlways();
        h.roofworx.sync().runOnce();
        h.clock.advance(Duration.ofSeconds(1));
        Calls hotCalls = new Calls();
        try (Roofworx probing = h.instance(Harness.config().build(),
                watch(HotEntryStore.class, h.hotMemory, hotCalls, (m, c) -> { }))) {
            assertThat(probing.sync().runOnce().claimed()).isEqualTo(10);
            assertThat(hotCalls.count("claim")).as("the probe batch only").isEqualTo(1);
            assertThat(hotCalls.count("release")).isZero();
        }
    }

    @Test
    @DisplayName("on a single-thread executor that is busy, the drain does the hot store's side itself and finishes")
    void busyExecutor() throws InterruptedException {
        ScheduledExecutorService single = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch blocker = new CountDownLatch(1);
        single.execute(() -> await(blocker));
        try (Roofworx instance = Roofworx.builder().projectSource(h.source)
                .projectCache(new InMemoryProjectCache(h.clock)).hotStore(h.hotMemory).warmStore(h.warmMemory)
                .coldSink(h.coldMemory).clock(h.clock).config(Harness.config().build()).executor(single).build()) {
            submit(instance, ANNA, 25);
            assertThat(instance.sync().runOnce().warmSynced()).isEqualTo(25);
            assertThat(instance.sync().stats().queued()).isZero();
        } finally {
            blocker.countDown();
            single.shutdown();
            assertThat(single.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Calls per method name. */
    private static final class Calls {
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        int next(String method) {
            return counts.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        }

        int count(String method) {
            AtomicInteger n = counts.get(method);
            return n == null ? 0 : n.get();
        }
    }

    /** A proxy that tells {@code after} each method's name and call count once the call returned. */
    private static <T> T watch(Class<T> type, T target, Calls calls, BiConsumer<String, Integer> after) {
        return proxy(type, target, calls, (m, c) -> { }, after);
    }

    /** A proxy that tells {@code before} each method's name and call count before the call runs. */
    private static <T> T watchBefore(Class<T> type, T target, Calls calls, BiConsumer<String, Integer> before) {
        return proxy(type, target, calls, before, (m, c) -> { });
    }

    private static <T> T proxy(Class<T> type, T target, Calls calls, BiConsumer<String, Integer> before,
                               BiConsumer<String, Integer> after) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (p, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            int count = calls.next(method.getName());
            before.accept(method.getName(), count);
            Object result = invoke(method, target, args);
            after.accept(method.getName(), count);
            return result;
        }));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Whether the latch opened within 10 s (the other thread's step happened while this one waited). */
    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
