package com.roofworx.sdk.internal;

import com.roofworx.sdk.ProjectCatalog;
import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.spi.ProjectCache;
import com.roofworx.sdk.spi.ProjectSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Read-aside catalog: cache first, then one single-flight load from the source per user. */
public final class DefaultProjectCatalog implements ProjectCatalog {
    private static final Comparator<Project> BY_NAME = Comparator.comparing(Project::name).thenComparing(Project::id);

    private final ProjectSource source;
    private final ProjectCache cache;
    private final Duration ttl;
    private final Clock clock;
    private final Events events;
    private final SingleFlight<String, List<Project>> loads = new SingleFlight<>();
    private final PermissionNearCache permissions;

    public DefaultProjectCatalog(ProjectSource source, ProjectCache cache, Duration ttl, Duration permissionTtl,
                                 Clock clock, Events events) {
        this.source = source;
        this.cache = cache;
        this.ttl = ttl;
        this.clock = clock;
        this.events = events;
        this.permissions = new PermissionNearCache(permissionTtl, clock);
    }

    @Override
    public List<Project> projectsFor(String user) {
        String who = Users.normalize(user);
        Optional<List<Project>> cached = readCache(who);
        if (cached.isPresent()) {
            events.publish(new RoofworxEvent.ProjectCacheHit(who));
            return bookable(cached.get());
        }
        events.publish(new RoofworxEvent.ProjectCacheMiss(who));
        return bookable(loads.load(who, () -> loadAndCache(who)));
    }

    @Override
    public boolean mayBook(String user, String projectId) {
        String who = Users.normalize(user);
        return permissions.allowed(who, () -> projectsFor(who).stream().map(Project::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet())).contains(projectId);
    }

    @Override
    public int refreshAll() {
        Instant start = clock.now();
        ProjectSnapshot snapshot = fromSource("loadAll", source::loadAll);
        cache.replaceAll(snapshot, ttl);
        permissions.clear();
        events.publish(new RoofworxEvent.ProjectsLoaded(null, snapshot.projects().size(),
                Duration.between(start, clock.now())));
        return snapshot.projects().size();
    }

    @Override
    public boolean refreshProject(String projectId) {
        Optional<Project> project = fromSource("project", () -> source.project(projectId));
        if (project.isEmpty()) {
            // Deleted at the source: only a full reload knows every list that named it.
            refreshAll();
            return false;
        }
        cache.updateProject(project.get());
        permissions.clear();
        return true;
    }

    private Optional<List<Project>> readCache(String user) {
        try {
            return cache.projectsFor(user);
        } catch (RuntimeException e) {
            events.storeFailed("project-cache", "read", e);
            return Optional.empty();
        }
    }

    private List<Project> loadAndCache(String user) {
        Instant start = clock.now();
        List<Project> projects = fromSource("projectsFor", () -> source.projectsFor(user));
        try {
            cache.putUser(user, projects, ttl);
        } catch (RuntimeException e) {
            events.storeFailed("project-cache", "write", e);
        }
        events.publish(new RoofworxEvent.ProjectsLoaded(user, projects.size(), Duration.between(start, clock.now())));
        return projects;
    }

    private <T> T fromSource(String operation, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw StoreUnavailableException.of("project-source", operation, e);
        }
    }

    private static List<Project> bookable(List<Project> projects) {
        return projects.stream().filter(Project::active).sorted(BY_NAME).toList();
    }
}
