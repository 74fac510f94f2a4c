package com.roofworx.sdk.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the project source knows at one moment: the projects, and which of them each user may book to.
 *
 * @param projects       by id
 * @param allowedByUser  user e-mail (lower case) to the ids of the projects that user may book to
 */
public record ProjectSnapshot(Map<String, Project> projects, Map<String, Set<String>> allowedByUser) {

    public ProjectSnapshot {
        projects = Map.copyOf(projects);
        allowedByUser = allowedByUser.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }

    /** The projects {@code user} may book to, in name order; ids the snapshot has no project for are skipped. */
    public List<Project> projectsFor(String user) {
        return allowedByUser.getOrDefault(user, Set.of()).stream()
                .map(projects::get)
                .filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(Project::name).thenComparing(Project::id))
                .toList();
    }
}
