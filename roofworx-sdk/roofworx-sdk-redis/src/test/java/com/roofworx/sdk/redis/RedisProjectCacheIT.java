package com.roofworx.sdk.redis;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.redis.internal.RedisKeys;
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

/** Redis-specific behaviour of the project cache: key TTLs, order, large lists, the reverse index. */
class RedisProjectCacheIT {
    private static final String ANNA = "anna@example.com";
    private static final String BEN = "ben@example.com";
    private static SharedRedis redis;

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
        RedisAdapterConfig config = RedisAdapterConfig.custom().keyPrefix(RedisTestServer.freshPrefix()).build();
        keys = new RedisKeys(config.keyPrefix());
        cache = RedisAdapter.using(redis.connection, config).projectCache();
        raw = redis.connection.sync();
    }

    private static Project project(int i) {
        return new Project(Integer.toString(5_000 + i), "Project " + (1_000 - i), "Active", true, "Acct", "Addr " + i);
    }

    @Test
    @DisplayName("a list lives as long as the TTL it was put with, and Redis drops it after")
    void ttl() throws InterruptedException {
        cache.putUser(ANNA, List.of(project(1)), Duration.ofHours(1));
        assertThat(raw.pttl(keys.projects(ANNA))).isBetween(3_590_000L, 3_600_000L);
        cache.putUser(BEN, List.of(project(1)), Duration.ofMillis(150));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (cache.projectsFor(BEN).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20); // bounded poll: Redis expires keys on its own clock
        }
        assertThat(cache.projectsFor(BEN)).isEmpty();
        assertThat(cache.projectsFor(ANNA)).contains(List.of(project(1)));
    }

    @Test
    @DisplayName("keeps the order the list was put in, for long lists too, and through a detail update")
    void order() {
        List<Project> many = IntStream.range(0, 700).mapToObj(RedisProjectCacheIT::project).toList();
        cache.putUser(ANNA, many, Duration.ofHours(1));
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
        cache.putUser(ANNA, List.of(project(1), project(2)), Duration.ofHours(1));
        cache.putUser(BEN, List.of(project(1)), Duration.ofHours(1));
        cache.putUser(ANNA, List.of(project(2)), Duration.ofHours(1));
        assertThat(raw.smembers(keys.projectUsers(project(1).id()))).containsExactlyInAnyOrder(ANNA, BEN);
        Project renamed = new Project(project(1).id(), "Renamed", "Active", true, "", "");
        cache.updateProject(renamed);
        assertThat(raw.smembers(keys.projectUsers(project(1).id()))).containsExactly(BEN);
        assertThat(cache.projectsFor(ANNA)).contains(List.of(project(2)));
        assertThat(cache.projectsFor(BEN)).contains(List.of(renamed));
    }
}
