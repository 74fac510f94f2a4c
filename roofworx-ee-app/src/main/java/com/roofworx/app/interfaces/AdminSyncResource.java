package com.roofworx.app.interfaces;

import com.roofworx.app.interfaces.Views.BlockedEntryView;
import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.SyncEngine;
import com.roofworx.sdk.SyncEngine.SyncStats;
import com.roofworx.sdk.model.DestinationPause;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The sync state for operators: counts, paused destinations, blocked entries with their refusal codes (paged
 * and filtered), and replay of one or of every matching entry. Admins only.
 */
@Path("admin/sync")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminSyncResource {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Inject
    Roofworx roofworx;

    /**
     * @param queued         entries waiting for their PostgreSQL write
     * @param blocked        entries a destination refused (warm plus cold)
     * @param paused         destinations paused because they failed as a whole
     * @param blockedEntries the first blocked entries, oldest first
     */
    @JsonbPropertyOrder({"queued", "blocked", "paused", "blockedEntries"})
    public record SyncOverview(long queued, long blocked, List<PauseView> paused,
                               List<BlockedEntryView> blockedEntries) {
    }

    /** One paused destination: since when, when the next probe goes, and why. */
    @JsonbPropertyOrder({"destination", "since", "nextProbeAt", "failures", "kind", "lastError"})
    public record PauseView(String destination, Instant since, Instant nextProbeAt, int failures, String kind,
                            String lastError) {
        static PauseView of(DestinationPause p) {
            return new PauseView(lower(p.destination().name()), p.since(), p.nextProbeAt(), p.failures(),
                    lower(p.kind().name()), p.lastError());
        }
    }

    /** One page of blocked entries; {@code nextCursor} is null on the last page. */
    @JsonbPropertyOrder({"entries", "nextCursor"})
    public record BlockedPageView(List<BlockedEntryView> entries, String nextCursor) {
    }

    @JsonbPropertyOrder({"id", "replayed"})
    public record Replayed(UUID id, boolean replayed) {
    }

    @JsonbPropertyOrder({"replayed"})
    public record BulkReplayed(int replayed) {
    }

    @GET
    @Operation(summary = "Counts, paused destinations and the first blocked entries (warm refusals, then cold)")
    public SyncOverview overview(@QueryParam("limit") String limitText) {
        int limit = limit(limitText);
        SyncStats stats = roofworx.sync().stats();
        List<BlockedEntryView> blocked = roofworx.sync().blocked(limit).stream().map(BlockedEntryView::of).toList();
        List<PauseView> paused = roofworx.sync().pauses().values().stream().map(PauseView::of).toList();
        return new SyncOverview(stats.queued(), stats.blocked(), paused, blocked);
    }

    @GET
    @Path("blocked")
    @Operation(summary = "One page of blocked entries, filtered by destination, refusal code, owner and created time")
    public BlockedPageView blocked(@BeanParam BlockedQuery query, @QueryParam("cursor") String cursor,
                                   @QueryParam("limit") String limitText) {
        SyncEngine.BlockedPage page = roofworx.sync().blocked(query.filter(), cursor, limit(limitText));
        return new BlockedPageView(page.entries().stream().map(BlockedEntryView::of).toList(), page.nextCursor());
    }

    @GET
    @Path("blocked/{id}")
    @Operation(summary = "One blocked entry by id, whoever owns it; 404 when no blocked entry has it")
    public BlockedEntryView blockedEntry(@PathParam("id") String idText) {
        UUID id = EntryRequest.uuid("id", idText);
        return roofworx.sync().blockedEntry(id).map(BlockedEntryView::of)
                .orElseThrow(() -> ApiProblem.notFound("no blocked entry " + id));
    }

    @POST
    @Path("blocked/replay")
    @Operation(summary = "Put back every blocked entry the filter matches (all when no filter is given)")
    public BulkReplayed replayAll(@BeanParam BlockedQuery query) {
        return new BulkReplayed(roofworx.sync().replayAll(query.filter()));
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

    private static String lower(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
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
