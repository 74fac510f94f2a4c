package com.roofworx.sdk;

/** The user may not book to that project (unknown, inactive, or not assigned). Maps to HTTP 403. */
public final class ProjectNotAllowedException extends RoofworxException {
    private static final long serialVersionUID = 1L;
    private final String projectId;

    private ProjectNotAllowedException(String projectId, String message) {
        super(message);
        this.projectId = projectId;
    }

    /**
     * {@code user} may not book to {@code projectId}.
     *
     * @param user      the worker's e-mail address
     * @param projectId the project asked for
     * @return the exception, never null
     */
    public static ProjectNotAllowedException of(String user, String projectId) {
        return new ProjectNotAllowedException(projectId,
                "projectId " + projectId + " is not a project " + user + " may book to");
    }

    /** @return the project the worker may not book to */
    public String projectId() {
        return projectId;
    }
}
