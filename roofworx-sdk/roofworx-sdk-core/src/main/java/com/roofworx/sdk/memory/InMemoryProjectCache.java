package com.roofworx.sdk.memory;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.ProjectCache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A project cache in memory, expiring by the given clock. Thread-safe: each user's list is one immutable value. */
public final class InMemoryProjectCache implements ProjectCache {
    private final ConcurrentMap<String, Cached> byUser = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryProjectCache() {
        this(Clock.system());
    }

    public InMemoryProjectCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<List<Project>> projectsFor(String user) {
        Cached cached = byUser.get(user);
        if (cached == null) {
            return Optional.empty();
        }
        if (!cached.expiresAt.isAfter(clock.now())) {
            byUser.remove(user, cached);
            return Optional.empty();
        }
        return Optional.of(cached.projects);
    }

    @Override
    public void putUser(String user, List<Project> projects, Duration ttl) {
        byUser.put(user, new Cached(List.copyOf(projects), clock.now().plus(ttl)));
    }

    @Override
    public void replaceAll(ProjectSnapshot snapshot, Duration ttl) {
        Instant expiresAt = clock.now().plus(ttl);
        snapshot.allowedByUser().keySet()
                .forEach(user -> byUser.put(user, new Cached(snapshot.projectsFor(user), expiresAt)));
        byUser.keySet().removeIf(user -> !snapshot.allowedByUser().containsKey(user));
    }

    @Override
    public void updateProject(Project project) {
        byUser.replaceAll((user, cached) -> cached.with(project));
    }

    @Override
    public void evictUser(String user) {
        byUser.remove(user);
    }

    private record Cached(List<Project> projects, Instant expiresAt) {
        Cached with(Project changed) {
            if (projects.stream().noneMatch(p -> p.id().equals(changed.id()))) {
                return this;
            }
            return new Cached(projects.stream().map(p -> p.id().equals(changed.id()) ? changed : p).toList(),
                    expiresAt);
        }
    }
}
