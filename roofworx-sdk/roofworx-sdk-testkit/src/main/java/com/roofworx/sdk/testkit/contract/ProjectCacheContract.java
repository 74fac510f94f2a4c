package com.roofworx.sdk.testkit.contract;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.spi.ProjectCache;
import com.roofworx.sdk.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ProjectCache} must do. Extend it and answer a fresh, empty cache. */
public abstract class ProjectCacheContract {
    protected static final Duration TTL = Duration.ofHours(1);
    /** How long a list stays for stale-if-error reads after it was put. */
    protected static final Duration KEEP = Duration.ofDays(7);
    protected static final String ANNA = "anna@example.com";
    protected static final String BEN = "ben@example.com";
    protected static final Project MAPLE = new Project("1001", "Maple St re-roof", "Active", true,
            "Maple Holdings", "12 Maple St, Springfield");
    protected static final Project HARBOR = new Project("1002", "Harbor warehouse", "Active", true,
            "Harbor Logistics", "4 Quay Rd, Springfield");

    protected TestClock clock;
    protected ProjectCache cache;

    /** A fresh cache that holds nothing; freshness and expiry must follow {@code clock}. */
    protected abstract ProjectCache newCache(TestClock clock);

    @BeforeEach
    void createCache() {
        clock = new TestClock();
        cache = newCache(clock);
    }

    @Nested
    @DisplayName("reading")
    class Reading {
        @Test
        @DisplayName("misses for a user never cached")
        void miss() {
            assertThat(cache.projectsFor(ANNA)).isEmpty();
        }

        @Test
        @DisplayName("answers a cached list whole, with every detail")
        void hit() {
            cache.putUser(ANNA, List.of(MAPLE, HARBOR), TTL, KEEP);
            assertThat(cache.projectsFor(ANNA).orElseThrow()).containsExactlyInAnyOrder(MAPLE, HARBOR);
        }

        @Test
        @DisplayName("treats a cached empty list as a hit, not a miss")
        void emptyHit() {
            cache.putUser(ANNA, List.of(), TTL, KEEP);
            assertThat(cache.projectsFor(ANNA)).contains(List.of());
        }

        @Test
        @DisplayName("keeps users apart")
        void perUser() {
            cache.putUser(ANNA, List.of(MAPLE), TTL, KEEP);
            cache.putUser(BEN, List.of(HARBOR), TTL, KEEP);
            assertThat(cache.projectsFor(ANNA)).contains(List.of(MAPLE));
            assertThat(cache.projectsFor(BEN)).contains(List.of(HARBOR));
        }
    }

    @Nested
    @DisplayName("writing")
    class Writing {
        @Test
        @DisplayName("putUser replaces the whole list")
        void replace() {
            cache.putUser(ANNA, List.of(MAPLE, HARBOR), TTL, KEEP);
            cache.putUser(ANNA, List.of(HARBOR), TTL, KEEP);
            assertThat(cache.projectsFor(ANNA)).contains(List.of(HARBOR));
        }

        @Test
        @DisplayName("evictUser makes the next read miss, and evicting an absent user does nothing")
        void evict() {
            cache.putUser(ANNA, List.of(MAPLE), TTL, KEEP);
            cache.evictUser(ANNA);
            cache.evictUser(BEN);
            assertThat(cache.projectsFor(ANNA)).isEmpty();
        }

        @Test
        @DisplayName("replaceAll swaps in every user's list and drops users the snapshot does not name")
        void replaceAll() {
            cache.putUser("gone@example.com", List.of(MAPLE), TTL, KEEP);
            cache.putUser(ANNA, List.of(HARBOR), TTL, KEEP);
            cache.replaceAll(new ProjectSnapshot(Map.of(MAPLE.id(), MAPLE, HARBOR.id(), HARBOR),
                    Map.of(ANNA, Set.of(MAPLE.id()), BEN, Set.of(MAPLE.id(), HARBOR.id()))), TTL, KEEP);
            assertThat(cache.projectsFor(ANNA)).contains(List.of(MAPLE));
            assertThat(cache.projectsFor(BEN).orElseThrow()).containsExactlyInAnyOrder(MAPLE, HARBOR);
            assertThat(cache.projectsFor("gone@example.com")).isEmpty();
        }

        @Test
        @DisplayName("updateProject changes the project in every list that holds it and nowhere else")
        void updateProject() {
            cache.putUser(ANNA, List.of(MAPLE, HARBOR), TTL, KEEP);
            cache.putUser(BEN, List.of(HARBOR), TTL, KEEP);
            Project renamed = new Project(MAPLE.id(), "Maple St re-roof (phase 2)", "Closed Won", false,
                    MAPLE.account(), MAPLE.address());
            cache.updateProject(renamed);
            assertThat(cache.projectsFor(ANNA).orElseThrow()).containsExactlyInAnyOrder(renamed, HARBOR);
            assertThat(cache.projectsFor(BEN)).contains(List.of(HARBOR));
        }
    }

    @Nested
    @DisplayName("going stale")
    class GoingStale {
        @Test
        @DisplayName("a list is fresh until its fresh time, then only lastKnown answers it, until its keep time")
        void staleThenGone() {
            cache.putUser(ANNA, List.of(MAPLE), TTL, KEEP);
            assertThat(cache.lastKnown(ANNA)).contains(List.of(MAPLE));
            clock.advance(TTL.plusSeconds(1));
            assertThat(cache.projectsFor(ANNA)).isEmpty();
            assertThat(cache.lastKnown(ANNA)).contains(List.of(MAPLE));
            clock.advance(KEEP);
            assertThat(cache.lastKnown(ANNA)).isEmpty();
        }

        @Test
        @DisplayName("replaceAll lists go stale the same way, and a new put makes a list fresh again")
        void replaceAllStale() {
            cache.replaceAll(new ProjectSnapshot(Map.of(MAPLE.id(), MAPLE), Map.of(ANNA, Set.of(MAPLE.id()))),
                    TTL, KEEP);
            clock.advance(TTL.plusSeconds(1));
            assertThat(cache.projectsFor(ANNA)).isEmpty();
            assertThat(cache.lastKnown(ANNA)).contains(List.of(MAPLE));
            cache.putUser(ANNA, List.of(HARBOR), TTL, KEEP);
            assertThat(cache.projectsFor(ANNA)).contains(List.of(HARBOR));
        }

        @Test
        @DisplayName("lastKnown misses for a user never cached and after evictUser")
        void lastKnownMiss() {
            assertThat(cache.lastKnown(ANNA)).isEmpty();
            cache.putUser(ANNA, List.of(MAPLE), TTL, KEEP);
            cache.evictUser(ANNA);
            assertThat(cache.lastKnown(ANNA)).isEmpty();
        }
    }

    @Nested
    @DisplayName("full reload turns")
    class ReloadTurns {
        @Test
        @DisplayName("one turn per interval: the first caller gets it, the next only once the interval has passed")
        void oneTurnPerInterval() {
            Duration interval = Duration.ofMinutes(15);
            assertThat(cache.tryStartFullReload(clock.now(), interval)).isTrue();
            assertThat(cache.tryStartFullReload(clock.now(), interval)).isFalse();
            clock.advance(interval.minusSeconds(1));
            assertThat(cache.tryStartFullReload(clock.now(), interval)).isFalse();
            clock.advance(Duration.ofSeconds(1));
            assertThat(cache.tryStartFullReload(clock.now(), interval)).isTrue();
        }
    }
}
