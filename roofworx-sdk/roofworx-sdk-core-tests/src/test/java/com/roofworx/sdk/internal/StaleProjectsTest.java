package com.roofworx.sdk.internal;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.memory.InMemoryColdEntrySink;
import com.roofworx.sdk.memory.InMemoryHotEntryStore;
import com.roofworx.sdk.memory.InMemoryProjectCache;
import com.roofworx.sdk.memory.InMemoryProjectSource;
import com.roofworx.sdk.memory.InMemoryWarmEntryStore;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.spi.ProjectCache;
import com.roofworx.sdk.spi.ProjectSource;
import com.roofworx.sdk.testkit.Faults;
import com.roofworx.sdk.testkit.TestClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.roofworx.sdk.internal.Harness.ANNA;
import static com.roofworx.sdk.internal.Harness.BEN;
import static com.roofworx.sdk.internal.Harness.HARBOR;
import static com.roofworx.sdk.internal.Harness.MAPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Submits and project lists while the project source (Zoho) or the project cache (Redis) is down. */
class StaleProjectsTest {
    private final TestClock clock = new TestClock();
    private final InMemoryProjectSource sourceMemory = new InMemoryProjectSource().put(MAPLE).put(HARBOR)
            .assign(ANNA, MAPLE.id()).assign(ANNA, HARBOR.id()).assign(BEN, MAPLE.id());
    private final Faults<ProjectSource> source = Faults.wrap(ProjectSource.class, sourceMemory);
    private final Faults<ProjectCache> cache = Faults.wrap(ProjectCache.class, new InMemoryProjectCache(clock));
    private final List<RoofworxEvent> events = new CopyOnWriteArrayList<>();

    private Roofworx sdk(RoofworxConfig config) {
        return Roofworx.builder().projectSource(source.proxy()).projectCache(cache.proxy())
                .hotStore(new InMemoryHotEntryStore(clock, Duration.ofDays(30)))
                .warmStore(new InMemoryWarmEntryStore()).coldSink(new InMemoryColdEntrySink())
                .clock(clock).config(config).listener(events::add).build();
    }

    private static RoofworxConfig.Builder config() {
        return RoofworxConfig.builder().syncAfterSubmit(false);
    }

    private EntryDraft draft(String projectId) {
        return EntryDraft.of(projectId, clock.today(), 60);
    }

    @Test
    @DisplayName("source down and every cached list expired: a worker still submits to yesterday's projects")
    void staleIfError() {
        Roofworx sdk = sdk(config().build());
        sdk.projects().projectsFor(ANNA);
        source.failAlways();
        clock.advance(Duration.ofDays(1));
        assertThat(sdk.projects().projectsFor(ANNA)).containsExactly(HARBOR, MAPLE);
        assertThat(sdk.entries().submit(ANNA, draft(MAPLE.id())).created()).isTrue();
        assertThat(events.stream().filter(RoofworxEvent.ProjectsServedStale.class::isInstance)).isNotEmpty();
    }

    @Test
    @DisplayName("the stale answer is only as old as the configured window; past it the source failure shows")
    void staleWindowBounded() {
        Roofworx sdk = sdk(config().projectStaleIfError(Duration.ofDays(2)).build());
        sdk.projects().projectsFor(ANNA);
        source.failAlways();
        clock.advance(Duration.ofDays(2).plusHours(2));
        assertThatThrownBy(() -> sdk.projects().projectsFor(ANNA)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    @DisplayName("a worker never seen before gets the source failure, not an empty list")
    void unknownWorker() {
        Roofworx sdk = sdk(config().build());
        source.failAlways();
        assertThatThrownBy(() -> sdk.projects().projectsFor(BEN)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    @DisplayName("the stale list survives an instance restart: it comes from the shared cache, not memory")
    void staleFromSharedCache() {
        sdk(config().build()).projects().projectsFor(ANNA);
        source.failAlways();
        clock.advance(Duration.ofHours(5));
        Roofworx restarted = sdk(config().build());
        assertThat(restarted.projects().projectsFor(ANNA)).containsExactly(HARBOR, MAPLE);
    }

    @Test
    @DisplayName("with the cache down, submits use this instance's memory: no source call per submit")
    void cacheDownNoSourceStorm() {
        Roofworx sdk = sdk(config().permissionCacheTtl(Duration.ZERO).build());
        sdk.projects().projectsFor(ANNA);
        int loads = sourceMemory.loads();
        cache.failAlways();
        for (int i = 0; i < 20; i++) {
            sdk.entries().submit(ANNA, draft(MAPLE.id()));
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(sourceMemory.loads()).as("answered from memory within the project TTL").isEqualTo(loads);
    }

    @Test
    @DisplayName("cache and source both down: the instance's own memory answers within the stale window")
    void everythingDown() {
        Roofworx sdk = sdk(config().build());
        sdk.projects().projectsFor(ANNA);
        cache.failAlways();
        source.failAlways();
        clock.advance(Duration.ofDays(3));
        assertThat(sdk.entries().submit(ANNA, draft(HARBOR.id())).created()).isTrue();
    }

    @Test
    @DisplayName("stale-if-error off: an expired list and a failing source answer the failure")
    void staleOff() {
        Roofworx sdk = sdk(config().projectStaleIfError(Duration.ZERO).build());
        sdk.projects().projectsFor(ANNA);
        source.failAlways();
        clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> sdk.projects().projectsFor(ANNA)).isInstanceOf(StoreUnavailableException.class);
    }
}
