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

/** A project cache in memory, going stale and expiring by the given clock. Thread-safe: each user's list is one immutable value. */
public final class InMemoryProjectCache implements ProjectCache {
    private final ConcurrentMap<String, Cached> byUser = new ConcurrentHashMap<>();
    private final Clock clock;
    private Instant lastFullReload;

    public InMemoryProjectCache() {
        this(Clock.system());
    }

    public InMemoryProjectCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<List<Project>> projectsFor(String user) {
        return kept(user).filter(c -> c.freshUntil.isAfter(clock.now())).map(Cached::projects);
    }

    @Override
    public Optional<List<Project>> lastKnown(String user) {
        return kept(user).map(Cached::projects);
    }

    private Optional<Cached> kept(String user) {
        Cached cached = byUser.get(user);
        if (cached == null) {
            return Optional.empty();
        }
        if (!cached.keptUntil.isAfter(clock.now())) {
            byUser.remove(user, cached);
            return Optional.empty();
        }
        return Optional.of(cached);
    }

    @Override
    public void putUser(String user, List<Project> projects, Duration freshFor, Duration keepFor) {
        Instant now = clock.now();
        byUser.put(user, new Cached(List.copyOf(projects), now.plus(freshFor), now.plus(max(freshFor, keepFor))));
    }

    @Override
    public void replaceAll(ProjectSnapshot snapshot, Duration freshFor, Duration keepFor) {
        Instant now = clock.now();
        Instant freshUntil = now.plus(freshFor);
        Instant keptUntil = now.plus(max(freshFor, keepFor));
        snapshot.allowedByUser().keySet()
                .forEach(user -> byUser.put(user, new Cached(snapshot.projectsFor(user), freshUntil, keptUntil)));
        byUser.keySet().removeIf(user -> !snapshot.allowedByUser().containsKey(user));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public void updateProject(Project project) {
        byUser.replaceAll((user, cached) -> cached.with(project));
    }

    @Override
    public synchronized boolean tryStartFullReload(Instant now, Duration minInterval) {
        if (lastFullReload != null && lastFullReload.plus(minInterval).isAfter(now)) {
            return false;
        }
        lastFullReload = now;
        return true;
    }

    @Override
    public void evictUser(String user) {
        byUser.remove(user);
    }

    private record Cached(List<Project> projects, Instant freshUntil, Instant keptUntil) {
        Cached with(Project changed) {
            if (projects.stream().noneMatch(p -> p.id().equals(changed.id()))) {
                return this;
            }
            return new Cached(projects.stream().map(p -> p.id().equals(changed.id()) ? changed : p).toList(),
                    freshUntil, keptUntil);
        }
    }
}
