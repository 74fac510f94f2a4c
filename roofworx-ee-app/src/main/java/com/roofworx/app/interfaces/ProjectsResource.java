package com.roofworx.app.interfaces;

import com.roofworx.app.interfaces.Views.ProjectView;
import com.roofworx.sdk.Roofworx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** {@code GET /api/projects}: the projects the caller may book to. */
@Path("projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WORKER, Roles.ADMIN})
public class ProjectsResource {

    @Inject
    Roofworx roofworx;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "The active projects the caller may book time to, by name")
    public List<ProjectView> list() {
        return roofworx.projects().projectsFor(caller.user()).stream().map(ProjectView::of).toList();
    }
}
