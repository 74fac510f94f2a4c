package com.roofworx.sdk;

import com.roofworx.sdk.model.Project;

import java.util.List;

/** The projects workers may book to, read aside from a cache in front of the project source. */
public interface ProjectCatalog {

    /**
     * The active projects {@code user} may book to, by name. Answers from the cache; on a miss loads from the
     * source once, however many callers miss at the same moment, and caches the result. When the cache is
     * down, answers from this instance's memory while it is fresh, else from the source; when the source is
     * down too, from the last known list (stale-if-error).
     *
     * @throws ValidationException        when {@code user} is not an e-mail address
     * @throws StoreUnavailableException  when the cache misses and the source cannot answer
     */
    List<Project> projectsFor(String user);

    /** Whether {@code user} may book to {@code projectId} now. */
    boolean mayBook(String user, String projectId);

    /**
     * Reloads every project and assignment from the source and swaps them into the cache, one user's list
     * at a time, so no reader sees a half-written list. Returns the number of projects loaded.
     */
    int refreshAll();

    /**
     * {@link #refreshAll()} on a schedule shared by every instance: reloads only when no instance sharing the
     * cache started a full reload within {@code minInterval}, so N instances reload once per interval between
     * them. Returns the number of projects loaded, or -1 when another instance's recent reload stands.
     */
    int refreshAllIfDue(java.time.Duration minInterval);

    /**
     * Reloads one project (after a change notification) and updates it wherever it is cached. A project the
     * source no longer has triggers a full {@link #refreshAll()}. Returns whether the source still has it.
     */
    boolean refreshProject(String projectId);
}
