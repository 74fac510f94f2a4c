package com.roofworx.sdk.internal;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.memory.InMemoryColdEntrySink;
import com.roofworx.sdk.memory.InMemoryHotEntryStore;
import com.roofworx.sdk.memory.InMemoryProjectCache;
import com.roofworx.sdk.memory.InMemoryWarmEntryStore;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.spi.ProjectCache;
import com.roofworx.sdk.spi.ProjectSource;
import com.roofworx.sdk.testkit.Faults;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.roofworx.sdk.internal.Harness.ANNA;
import static com.roofworx.sdk.internal.Harness.HARBOR;
import static com.roofworx.sdk.internal.Harness.MAPLE;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectCatalogTest {
    private final Harness h = new Harness();

    @Test
    @DisplayName("loads on a miss, then answers from the cache until the TTL runs out")
    void readAside() {
        assertThat(h.roofworx.projects().projectsFor(ANNA)).containsExactly(HARBOR, MAPLE);
        assertThat(h.roofworx.projects().projectsFor(ANNA)).containsExactly(HARBOR, MAPLE);
        assertThat(h.source.loads()).isEqualTo(1);
        h.clock.advance(Duration.ofHours(1));
        h.roofworx.projects().projectsFor(ANNA);
        assertThat(h.source.loads()).isEqualTo(2);
        assertThat(h.events(RoofworxEvent.ProjectCacheHit.class)).hasSize(1);
        assertThat(h.events(RoofworxEvent.ProjectCacheMiss.class)).hasSize(2);
    }

    @Test
    @DisplayName("many concurrent misses for one user cause one load from the source")
    void singleFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        ProjectSource slow = new ProjectSource() {
            @Override
            public List<Project> projectsFor(String user) {
                loads.incrementAndGet();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(MAPLE);
            }

            @Override
            public ProjectSnapshot loadAll() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Project> project(String projectId) {
                return Optional.empty();
            }
        };
        Roofworx sdk = Roofworx.builder().projectSource(slow).projectCache(new InMemoryProjectCache(h.clock))
                .hotStore(new InMemoryHotEntryStore()).warmStore(new InMemoryWarmEntryStore())
                .coldSink(new InMemoryColdEntrySink()).clock(h.clock).build();
        List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r);
            threads.add(t);
            return t;
        });
        try {
            List<Future<List<Project>>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> sdk.projects().projectsFor(ANNA)));
            }
            // The load is held open until the 15 other callers are parked waiting for it: only then does
            // the count prove they joined the flight rather than arrived after it.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (threads.stream().filter(t -> t.getState() == Thread.State.WAITING).count() < 15
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            release.countDown();
            for (Future<List<Project>> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactly(MAPLE);
            }
            assertThat(loads.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            sdk.close();
        }
    }

    @Test
    @DisplayName("refreshAll swaps in the source's current assignments")
    void refreshAll() {
        h.roofworx.projects().projectsFor(ANNA);
        h.source.remove(HARBOR.id());
        assertThat(h.roofworx.projects().projectsFor(ANNA)).contains(HARBOR);
        assertThat(h.roofworx.projects().refreshAll()).isEqualTo(1);
        assertThat(h.roofworx.projects().projectsFor(ANNA)).containsExactly(MAPLE);
    }

    @Test
    @DisplayName("refreshProject applies a closed project at once: it leaves the picker")
    void refreshOne() {
        h.roofworx.projects().projectsFor(ANNA);
        h.source.put(new Project(MAPLE.id(), MAPLE.name(), "Closed Won", false, "", ""));
        assertThat(h.roofworx.projects().refreshProject(MAPLE.id())).isTrue();
        assertThat(h.roofworx.projects().projectsFor(ANNA)).containsExactly(HARBOR);
        assertThat(h.roofworx.projects().mayBook(ANNA, MAPLE.id())).isFalse();
    }

    @Test
    @DisplayName("answers from the source when the cache is down")
    void cacheDown() {
        Faults<ProjectCache> cache = Faults.wrap(ProjectCache.class, new InMemoryProjectCache(h.clock)).failAlways();
        Roofworx sdk = Roofworx.builder().projectSource(h.source).projectCache(cache.proxy())
                .hotStore(new InMemoryHotEntryStore()).warmStore(new InMemoryWarmEntryStore())
                .coldSink(new InMemoryColdEntrySink()).clock(h.clock).build();
        assertThat(sdk.projects().projectsFor(ANNA)).containsExactly(HARBOR, MAPLE);
        sdk.close();
    }

    @Test
    @DisplayName("the submit check reads the cache once per user per permission TTL, then again")
    void permissionNearCache() {
        for (int i = 0; i < 5; i++) {
            assertThat(h.roofworx.projects().mayBook(ANNA, MAPLE.id())).isTrue();
        }
        int reads = h.events(RoofworxEvent.ProjectCacheHit.class).size() + h.events(RoofworxEvent.ProjectCacheMiss.class).size();
        assertThat(reads).isEqualTo(1);
        h.clock.advance(h.roofworx.config().permissionCacheTtl());
        assertThat(h.roofworx.projects().mayBook(ANNA, "no-such-project")).isFalse();
        assertThat(h.events(RoofworxEvent.ProjectCacheHit.class)).hasSize(1);
    }
}
