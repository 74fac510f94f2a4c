package com.roofworx.sdk.memory;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.spi.ProjectSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A project source held in memory: for tests, examples and demos. Thread-safe. Counts its loads. */
public final class InMemoryProjectSource implements ProjectSource {
    private final Map<String, Project> projects = new HashMap<>();
    private final Map<String, Set<String>> allowed = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    public InMemoryProjectSource() {
    }

    public InMemoryProjectSource(ProjectSnapshot seed) {
        seed.projects().values().forEach(this::put);
        seed.allowedByUser().forEach((user, ids) -> ids.forEach(id -> assign(user, id)));
    }

    /** Adds or replaces a project. */
    public synchronized InMemoryProjectSource put(Project project) {
        projects.put(project.id(), project);
        return this;
    }

    /** Lets {@code user} book to {@code projectId}. */
    public synchronized InMemoryProjectSource assign(String user, String projectId) {
        allowed.computeIfAbsent(user, u -> new HashSet<>()).add(projectId);
        return this;
    }

    public synchronized void remove(String projectId) {
        projects.remove(projectId);
        allowed.values().forEach(ids -> ids.remove(projectId));
    }

    /** How many times {@link #projectsFor} and {@link #loadAll} were called. */
    public int loads() {
        return loads.get();
    }

    @Override
    public synchronized List<Project> projectsFor(String user) {
        loads.incrementAndGet();
        return snapshot().projectsFor(user).stream().filter(Project::active).toList();
    }

    @Override
    public synchronized ProjectSnapshot loadAll() {
        loads.incrementAndGet();
        Map<String, Project> active = new HashMap<>();
        projects.values().stream().filter(Project::active).forEach(p -> active.put(p.id(), p));
        Map<String, Set<String>> activeAllowed = new HashMap<>();
        allowed.forEach((user, ids) -> activeAllowed.put(user,
                ids.stream().filter(active::containsKey).collect(java.util.stream.Collectors.toSet())));
        return new ProjectSnapshot(active, activeAllowed);
    }

    @Override
    public synchronized Optional<Project> project(String projectId) {
        return Optional.ofNullable(projects.get(projectId));
    }

    private ProjectSnapshot snapshot() {
        return new ProjectSnapshot(projects, allowed);
    }
}
