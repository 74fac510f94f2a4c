package com.roofworx.app.interfaces;

import com.roofworx.app.interfaces.Views.BlockedEntryView;
import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.SyncEngine.SyncStats;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.UUID;

/** The sync state for operators: counts, blocked entries with their last errors, and replay. Admins only. */
@Path("admin/sync")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminSyncResource {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Inject
    Roofworx roofworx;

    /** @param queued entries waiting; @param blocked entries parked in the hot store */
    @JsonbPropertyOrder({"queued", "blocked", "blockedEntries"})
    public record SyncOverview(long queued, long blocked, List<BlockedEntryView> blockedEntries) {
    }

    @JsonbPropertyOrder({"id", "replayed"})
    public record Replayed(UUID id, boolean replayed) {
    }

    @GET
    @Operation(summary = "Counts per state and the blocked entries (hot and warm), oldest first")
    public SyncOverview overview(@QueryParam("limit") String limitText) {
        int limit = limit(limitText);
        SyncStats stats = roofworx.sync().stats();
        List<BlockedEntryView> blocked = roofworx.sync().blocked(limit).stream().map(BlockedEntryView::of).toList();
        return new SyncOverview(stats.queued(), stats.blocked(), blocked);
    }

    @POST
    @Path("blocked/{id}/replay")
    @Operation(summary = "Put a blocked entry back on the queue with its attempts reset; 404 when none is blocked")
    public Replayed replay(@PathParam("id") String idText) {
        UUID id = EntryRequest.uuid("id", idText);
        if (!roofworx.sync().replay(id)) {
            throw ApiProblem.notFound("no blocked entry " + id);
        }
        return new Replayed(id, true);
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ApiProblem.invalid("limit", text, "must be a whole number between 1 and " + MAX_LIMIT);
    }
}
