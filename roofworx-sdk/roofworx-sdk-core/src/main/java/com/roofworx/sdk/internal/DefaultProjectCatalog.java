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
    private final KnownProjects known;
    private final Duration staleIfError;

    public DefaultProjectCatalog(ProjectSource source, ProjectCache cache, Duration ttl, Duration permissionTtl,
                                 Duration staleIfError, Clock clock, Events events) {
        this.source = source;
        this.cache = cache;
        this.ttl = ttl;
        this.staleIfError = staleIfError;
        this.clock = clock;
        this.events = events;
        this.permissions = new PermissionNearCache(permissionTtl, clock);
        this.known = new KnownProjects(clock);
    }

    /**
     * Cache first; when the cache cannot be reached, this instance's own memory while it is fresh; then the
     * source; when the source fails too, the last known list (stale-if-error).
     */
    @Override
    public List<Project> projectsFor(String user) {
        String who = Users.normalize(user);
        Optional<List<Project>> cached;
        try {
            cached = cache.projectsFor(who);
        } catch (RuntimeException e) {
            events.storeFailed("project-cache", "read", e);
            cached = known.get(who, ttl);
        }
        if (cached.isPresent()) {
            events.publish(new RoofworxEvent.ProjectCacheHit(who));
            known.remember(who, cached.get());
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
        known.rememberAll(snapshot);
        cache.replaceAll(snapshot, ttl, keepFor());
        permissions.clear();
        events.publish(new RoofworxEvent.ProjectsLoaded(null, snapshot.projects().size(),
                Duration.between(start, clock.now())));
        return snapshot.projects().size();
    }

    @Override
    public int refreshAllIfDue(Duration minInterval) {
        boolean mine;
        try {
            mine = cache.tryStartFullReload(clock.now(), minInterval);
        } catch (RuntimeException e) {
            // The cache cannot tell whose turn it is; reloading on our own is the safe side.
            events.storeFailed("project-cache", "tryStartFullReload", e);
            mine = true;
        }
        return mine ? refreshAll() : -1;
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

    private List<Project> loadAndCache(String user) {
        Instant start = clock.now();
        List<Project> projects;
        try {
            projects = fromSource("projectsFor", () -> source.projectsFor(user));
        } catch (StoreUnavailableException e) {
            return lastKnown(user, e);
        }
        known.remember(user, projects);
        try {
            cache.putUser(user, projects, ttl, keepFor());
        } catch (RuntimeException e) {
            events.storeFailed("project-cache", "write", e);
        }
        events.publish(new RoofworxEvent.ProjectsLoaded(user, projects.size(), Duration.between(start, clock.now())));
        return projects;
    }

    /**
     * Stale-if-error: a worker who could book a project before the source went down keeps booking to it,
     * for at most {@code staleIfError} after the list was last current.
     */
    private List<Project> lastKnown(String user, StoreUnavailableException sourceFailure) {
        if (staleIfError.isZero()) {
            throw sourceFailure;
        }
        Optional<List<Project>> stale;
        try {
            stale = cache.lastKnown(user);
        } catch (RuntimeException e) {
            events.storeFailed("project-cache", "lastKnown", e);
            stale = Optional.empty();
        }
        if (stale.isEmpty()) {
            stale = known.get(user, keepFor());
        }
        List<Project> projects = stale.orElseThrow(() -> sourceFailure);
        events.publish(new RoofworxEvent.ProjectsServedStale(user, sourceFailure));
        return projects;
    }

    private Duration keepFor() {
        return ttl.plus(staleIfError);
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
