package com.roofworx.sdk.spi;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;

import java.util.List;
import java.util.Optional;

/**
 * Where projects come from (Zoho CRM in the shipped adapter). Read only; called on cache misses and by the
 * project sync job, never on a cache hit.
 * <p>
 * Failure: every method throws an unchecked exception (preferably
 * {@link com.roofworx.sdk.StoreUnavailableException}) when the source cannot answer; it never answers with
 * partial data.
 */
public interface ProjectSource {

    /**
     * The projects {@code user} may book to, active ones only.
     * Miss: an unknown user gets an empty list, not an exception.
     *
     * @param user lower-case e-mail address
     */
    List<Project> projectsFor(String user);

    /**
     * Everything at once: every active project and every user's allowed ids. Used to replace the whole cache.
     * An empty source answers an empty snapshot.
     */
    ProjectSnapshot loadAll();

    /**
     * One project by id, whatever its status, so a caller can see it became inactive.
     * Miss: empty when the source has no such project (deleted).
     */
    Optional<Project> project(String projectId);
}
