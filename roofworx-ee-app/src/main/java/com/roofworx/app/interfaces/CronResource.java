package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.AppSettings;
import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.SyncEngine.SyncReport;
import com.roofworx.sdk.SyncEngine.SyncStats;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Jobs an external scheduler triggers: {@code Authorization: Bearer <roofworx.cron.secret>} or an admin token.
 * GET does the same as POST, for schedulers that can only GET.
 */
@Path("cron")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class CronResource {

    @Inject
    Roofworx roofworx;

    @Inject
    AppSettings settings;

    @Context
    SecurityContext security;

    @POST
    @Path("sync-projects")
    @Operation(summary = "Reload every project and assignment from the project source now")
    public JsonObject syncProjects(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        long started = System.nanoTime();
        int count = roofworx.projects().refreshAll();
        return Json.createObjectBuilder().add("job", "sync-projects").add("projects", count)
                .add("tookMs", (System.nanoTime() - started) / 1_000_000).build();
    }

    @GET
    @Path("sync-projects")
    @Operation(summary = "Same as POST, for schedulers that can only GET")
    public JsonObject syncProjectsByGet(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return syncProjects(authorization);
    }

    @POST
    @Path("sync-entries")
    @Operation(summary = "Run the entry sync now: drain the queue to PostgreSQL and Zoho CRM")
    public JsonObject syncEntries(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        authorize(authorization);
        long started = System.nanoTime();
        SyncReport r = roofworx.sync().runOnce();
        SyncStats after = roofworx.sync().stats();
        return Json.createObjectBuilder().add("job", "sync-entries").add("claimed", r.claimed())
                .add("warmSynced", r.warmSynced()).add("coldSynced", r.coldSynced()).add("failed", r.failed())
                .add("blocked", r.blocked()).add("leaseLost", r.leaseLost()).add("queued", after.queued())
                .add("blockedTotal", after.blocked()).add("tookMs", (System.nanoTime() - started) / 1_000_000)
                .build();
    }

    @GET
    @Path("sync-entries")
    @Operation(summary = "Same as POST, for schedulers that can only GET")
    public JsonObject syncEntriesByGet(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return syncEntries(authorization);
    }

    private void authorize(String authorization) {
        if (security.isUserInRole(Roles.ADMIN)) {
            return;
        }
        if (!SharedSecrets.matches(settings.cronSecret(), SharedSecrets.bearer(authorization))) {
            throw ApiProblem.unauthorized("a cron job needs Authorization: Bearer <cron secret> or an admin token");
        }
    }
}
