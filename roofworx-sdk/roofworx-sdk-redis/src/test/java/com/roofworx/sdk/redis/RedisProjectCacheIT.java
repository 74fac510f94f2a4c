package com.roofworx.sdk.redis;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.redis.internal.RedisKeys;
import com.roofworx.sdk.testkit.TestClock;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis-specific behaviour of the project cache: key TTLs, freshness by clock, order, the reverse index. */
class RedisProjectCacheIT {
    private static final String ANNA = "anna@example.com";
    private static final String BEN = "ben@example.com";
    private static final Duration FRESH = Duration.ofHours(1);
    private static final Duration KEEP = Duration.ofDays(7);
    private static SharedRedis redis;

    private TestClock clock;
    private RedisProjectCache cache;
    private RedisKeys keys;
    private RedisCommands<String, String> raw;

    @BeforeAll
    static void startRedis() {
        redis = new SharedRedis();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void freshCache() {
        RedisAdapterConfig config = RedisAdapterConfig.builder().keyPrefix(RedisTestServer.freshPrefix()).build();
        keys = new RedisKeys(config.keyPrefix());
        clock = new TestClock();
        cache = RedisAdapter.using(redis.connection, config).projectCache(clock);
        raw = redis.connection.sync();
    }

    private static Project project(int i) {
        return new Project(Integer.toString(5_000 + i), "Project " + (1_000 - i), "Active", true, "Acct", "Addr " + i);
    }

    @Test
    @DisplayName("the key lives as long as the keep time; Redis drops it after, stale-if-error reads included")
    void keepIsTheKeyTtl() throws InterruptedException {
        cache.putUser(ANNA, List.of(project(1)), FRESH, KEEP);
        assertThat(raw.pttl(keys.projects(ANNA))).isBetween(KEEP.toMillis() - 10_000, KEEP.toMillis());
        cache.putUser(BEN, List.of(project(1)), Duration.ofMillis(50), Duration.ofMillis(150));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (raw.exists(keys.projects(BEN)) == 1L && System.nanoTime() < deadline) {
            Thread.sleep(20); // bounded poll: Redis expires keys on its own clock
        }
        assertThat(cache.lastKnown(BEN)).isEmpty();
        assertThat(cache.projectsFor(ANNA)).contains(List.of(project(1)));
    }

    @Test
    @DisplayName("a keep time shorter than the fresh time is raised to it: a fresh list is never gone")
    void keepAtLeastFresh() {
        cache.putUser(ANNA, List.of(project(1)), FRESH, Duration.ofMinutes(1));
        assertThat(raw.pttl(keys.projects(ANNA))).isBetween(FRESH.toMillis() - 10_000, FRESH.toMillis());
        clock.advance(Duration.ofMinutes(59));
        assertThat(cache.projectsFor(ANNA)).contains(List.of(project(1)));
    }

    @Test
    @DisplayName("freshness follows the clock while the key stays: a stale read is the same single HGETALL")
    void staleByClock() {
        cache.putUser(ANNA, List.of(project(1)), FRESH, KEEP);
        clock.advance(FRESH);
        assertThat(raw.exists(keys.projects(ANNA))).isEqualTo(1L);
        assertThat(cache.projectsFor(ANNA)).isEmpty();
        assertThat(cache.lastKnown(ANNA)).contains(List.of(project(1)));
    }

    @Test
    @DisplayName("a list written with a count-only marker (before fresh times) reads as stale but kept")
    void countOnlyMarker() {
        cache.putUser(ANNA, List.of(project(1)), FRESH, KEEP);
        raw.hset(keys.projects(ANNA), "", "1");
        assertThat(cache.projectsFor(ANNA)).isEmpty();
        assertThat(cache.lastKnown(ANNA)).contains(List.of(project(1)));
    }

    @Test
    @DisplayName("evictUser drops the kept list too")
    void evictDropsKept() {
        cache.putUser(ANNA, List.of(project(1)), FRESH, KEEP);
        clock.advance(FRESH.plusMinutes(1));
        cache.evictUser(ANNA);
        assertThat(cache.lastKnown(ANNA)).isEmpty();
        assertThat(raw.exists(keys.projects(ANNA))).isZero();
    }

    @Test
    @DisplayName("keeps the order the list was put in, for long lists too, and through a detail update")
    void order() {
        List<Project> many = IntStream.range(0, 700).mapToObj(RedisProjectCacheIT::project).toList();
        cache.putUser(ANNA, many, FRESH, KEEP);
        Project renamed = new Project(project(350).id(), "Renamed", "Closed", false, "", "");
        cache.updateProject(renamed);
        List<Project> expected = new java.util.ArrayList<>(many);
        expected.set(350, renamed);
        assertThat(cache.projectsFor(ANNA)).contains(expected);
        assertThat(raw.pttl(keys.projects(ANNA))).as("update keeps the TTL").isPositive();
    }

    @Test
    @DisplayName("the reverse index forgets users whose list no longer holds the project")
    void staleHolders() {
        cache.putUser(ANNA, List.of(project(1), project(2)), FRESH, KEEP);
        cache.putUser(BEN, List.of(project(1)), FRESH, KEEP);
        cache.putUser(ANNA, List.of(project(2)), FRESH, KEEP);
        assertThat(raw.smembers(keys.projectUsers(project(1).id()))).containsExactlyInAnyOrder(ANNA, BEN);
        Project renamed = new Project(project(1).id(), "Renamed", "Active", true, "", "");
        cache.updateProject(renamed);
        assertThat(raw.smembers(keys.projectUsers(project(1).id()))).containsExactly(BEN);
        assertThat(cache.projectsFor(ANNA)).contains(List.of(project(2)));
        assertThat(cache.projectsFor(BEN)).contains(List.of(renamed));
    }
}
