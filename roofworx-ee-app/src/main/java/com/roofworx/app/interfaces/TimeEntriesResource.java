package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.AppSettings;
import com.roofworx.app.infrastructure.StoreFailures;
import com.roofworx.app.interfaces.Views.EntryView;
import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.TimeEntries.SubmitResult;
import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Submitting and reading the caller's time entries. */
@Path("time-entries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WORKER, Roles.ADMIN})
public class TimeEntriesResource {
    /** Default list window: the last 30 days (and tomorrow, which a submit may already hold). */
    static final int DEFAULT_DAYS = 30;
    static final int MAX_RANGE_DAYS = 366;
    /** Names the stores that could not be read for this list, so a client knows it may be incomplete. */
    public static final String PARTIAL = "Roofworx-Partial";
    public static final String TRUNCATED = "Roofworx-Truncated";
    static final String INCLUDE_VOIDED = "voided";

    @Inject
    Roofworx roofworx;

    @Inject
    Caller caller;

    @Inject
    AppSettings settings;

    @Inject
    ApiLimits limits;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an entry; the same id with the same body again answers 200 with the stored entry")
    @RequestBody(required = true, description = "The entry; the id is optional (the server makes one when absent)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestBodies.TimeEntryBody.class),
                    examples = @ExampleObject(name = "entry", value = RequestBodies.ENTRY_EXAMPLE)))
    public Response submit(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
        String user = caller.user();
        // Charged before the body is even read: a refused request costs the caller as much as an accepted one.
        limits.chargeSubmit(user);
        EntryDraft draft = EntryRequest.parse(BodyReader.read(body, length, settings.maxBodyBytes()));
        SubmitResult result = roofworx.entries().submit(user, draft);
        EntryView view = EntryView.of(result.entry());
        if (!result.created()) {
            return Response.ok(view).build();
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build())
                .entity(view).build();
    }

    @GET
    @Operation(summary = "The caller's entries with from <= workDate <= to (default: the last 30 days), newest "
            + "first, at most roofworx.api.list-limit (default 1000) of them")
    @APIResponse(responseCode = "200", description = "The entries, newest first", headers = {
            @Header(name = PARTIAL, description = "Present when a store could not be read and the list may miss "
                    + "entries: 'warm' (PostgreSQL down: only the recent window, from Redis) or 'hot' (Redis down: "
                    + "only what PostgreSQL already holds)"),
            @Header(name = TRUNCATED, description = "'true' when more entries match than the limit: ask again with "
                    + "to = the oldest workDate returned (entries of that date may repeat)")})
    @APIResponse(responseCode = "503", description = "No store could answer for the range (an older range while "
            + "PostgreSQL is down); Retry-After says when to try again")
    public Response list(@QueryParam("from") String fromText, @QueryParam("to") String toText,
                         @Parameter(description = "'voided' lists voided entries too (hidden by default)")
                         @QueryParam("include") String include) {
        boolean withVoided = includesVoided(include);
        String user = caller.user();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate to = toText == null ? today.plusDays(1) : date("to", toText);
        LocalDate from = fromText == null ? to.minusDays(DEFAULT_DAYS) : date("from", fromText);
        if (ChronoUnit.DAYS.between(from, to) > MAX_RANGE_DAYS) {
            throw ValidationException.of("to", to, "must be at most " + MAX_RANGE_DAYS + " days after from ("
                    + from + ")");
        }
        List<TimeEntry> entries;
        Set<String> failed;
        try (StoreFailures tracked = StoreFailures.track()) {
            entries = roofworx.entries().list(user, from, to, withVoided);
            failed = tracked.failed();
        }
        int limit = limits.listLimit();
        Response.ResponseBuilder r = Response.ok(entries.stream().limit(limit).map(EntryView::of).toList());
        if (!failed.isEmpty()) {
            r.header(PARTIAL, String.join(",", failed));
        }
        if (entries.size() > limit) {
            r.header(TRUNCATED, "true");
        }
        return r.build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the caller's entries; 404 for an unknown id and for another user's id alike")
    public EntryView get(@PathParam("id") String idText) {
        String user = caller.user();
        UUID id = EntryRequest.uuid("id", idText);
        return roofworx.entries().get(user, id).map(EntryView::of).orElseThrow(() -> ApiProblem.noEntry(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct one of the caller's entries: the full new content, as version If-Match + 1, "
            + "within roofworx.corrections.window days of its work date; the same change again answers 200")
    @RequestBody(required = true, description = "The full new content, with the same fields and rules as the "
            + "submit; an id, when given, must be the path's id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestBodies.TimeEntryBody.class),
                    examples = @ExampleObject(name = "entry", value = RequestBodies.ENTRY_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The corrected entry",
            headers = @Header(name = EntryTags.ETAG, description = EntryDocs.ETAG))
    @APIResponse(responseCode = "400", description = EntryDocs.INVALID)
    @APIResponse(responseCode = "404", description = EntryDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", description = EntryDocs.NOT_ALLOWED)
    @APIResponse(responseCode = "412", description = EntryDocs.STALE, headers = @Header(name = EntryTags.ETAG,
            description = EntryDocs.CURRENT_ETAG))
    @APIResponse(responseCode = "428", description = EntryDocs.MISSING_IF_MATCH)
    @APIResponse(responseCode = "503", description = EntryDocs.UNAVAILABLE)
    public EntryView correct(@PathParam("id") String idText,
                             @Parameter(in = ParameterIn.HEADER, name = EntryTags.IF_MATCH, required = true,
                                     description = EntryDocs.IF_MATCH) @HeaderParam(EntryTags.IF_MATCH) String ifMatch,
                             InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
        String user = caller.user();
        limits.chargeSubmit(user);
        UUID id = EntryRequest.uuid("id", idText);
        int expected = EntryTags.expectedVersion(ifMatch);
        EntryDraft draft = EntryRequest.parse(BodyReader.read(body, length, settings.maxBodyBytes()));
        return EntryView.of(roofworx.entries().correct(user, id, expected, draft).entry());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Void one of the caller's entries (version If-Match + 1): kept in every store, marked "
            + "voided, left out of lists; answers the voided entry; the same void again answers 200")
    @APIResponse(responseCode = "200", description = "The voided entry",
            headers = @Header(name = EntryTags.ETAG, description = EntryDocs.ETAG))
    @APIResponse(responseCode = "400", description = EntryDocs.INVALID)
    @APIResponse(responseCode = "404", description = EntryDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", description = EntryDocs.NOT_ALLOWED)
    @APIResponse(responseCode = "412", description = EntryDocs.STALE, headers = @Header(name = EntryTags.ETAG,
            description = EntryDocs.CURRENT_ETAG))
    @APIResponse(responseCode = "428", description = EntryDocs.MISSING_IF_MATCH)
    @APIResponse(responseCode = "503", description = EntryDocs.UNAVAILABLE)
    public EntryView voidEntry(@PathParam("id") String idText,
                               @Parameter(in = ParameterIn.HEADER, name = EntryTags.IF_MATCH, required = true,
                                       description = EntryDocs.IF_MATCH) @HeaderParam(EntryTags.IF_MATCH)
                               String ifMatch) {
        String user = caller.user();
        limits.chargeSubmit(user);
        UUID id = EntryRequest.uuid("id", idText);
        int expected = EntryTags.expectedVersion(ifMatch);
        return EntryView.of(roofworx.entries().voidEntry(user, id, expected).entry());
    }

    /** {@code include} takes one value; anything else is a 400 rather than a silently shorter list. */
    private static boolean includesVoided(String include) {
        if (include == null) {
            return false;
        }
        if (include.equals(INCLUDE_VOIDED)) {
            return true;
        }
        throw ValidationException.of("include", include, "must be " + INCLUDE_VOIDED + " or absent");
    }

    private static LocalDate date(String field, String text) {
        return Dates.parse(field, text, text);
    }
}
