package com.roofworx.sdk.spi;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The read-aside cache in front of the {@link ProjectSource}: per user, the projects that user may book to,
 * with their details. Readers must never see a half-written list: every write replaces a user's list whole.
 * <p>
 * Failure: methods throw an unchecked exception when the cache cannot be reached; the catalog then answers
 * from the source. A cache never invents data.
 */
public interface ProjectCache {

    /**
     * The cached projects of {@code user}, in any order (the catalog sorts them).
     * Miss: empty when the user has no fresh list (never cached, no longer fresh, or evicted). A cached empty
     * list is a hit and answers {@code Optional.of(List.of())}.
     */
    Optional<List<Project>> projectsFor(String user);

    /**
     * The user's last cached list even after it stopped being fresh, as long as it is kept: what the catalog
     * answers when the source is down (stale-if-error). Miss: empty when no list is kept.
     */
    Optional<List<Project>> lastKnown(String user);

    /**
     * Replaces {@code user}'s list with {@code projects}: {@link #projectsFor} answers it for {@code freshFor},
     * {@link #lastKnown} for {@code keepFor} (at least as long). Duplicate: putting the same list again only
     * renews both times.
     */
    void putUser(String user, List<Project> projects, Duration freshFor, Duration keepFor);

    /**
     * Replaces every user's list from the snapshot, each list swapped in whole, fresh for {@code freshFor} and
     * kept for {@code keepFor}. Users the snapshot does not name lose their cached list (they will miss and
     * load). Lists are replaced one user at a time: a reader sees either the old or the new list of a user,
     * never a mix.
     */
    void replaceAll(ProjectSnapshot snapshot, Duration freshFor, Duration keepFor);

    /**
     * Updates the details of one project in every cached list that holds it (name, status, active flag...).
     * Lists that do not hold it are untouched: assignments change only through {@link #putUser} and
     * {@link #replaceAll}. Miss: a project no cached list holds changes nothing.
     */
    void updateProject(Project project);

    /**
     * Takes the turn for a full reload ({@link ProjectSource#loadAll}) for every instance sharing this cache:
     * answers true when no turn was taken within {@code minInterval} before {@code now}, and records this one;
     * false otherwise. Atomic: of concurrent callers, one wins. So N instances on one schedule reload once per
     * interval between them, not N times.
     */
    boolean tryStartFullReload(java.time.Instant now, Duration minInterval);

    /** Drops {@code user}'s list so the next read misses. Miss: dropping an absent list does nothing. */
    void evictUser(String user);
}
