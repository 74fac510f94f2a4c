package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.AppSettings;
import com.roofworx.app.interfaces.Views.EntryView;
import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.TimeEntries.SubmitResult;
import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.EntryDraft;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Submitting and reading the caller's time entries. */
@Path("time-entries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WORKER, Roles.ADMIN})
public class TimeEntriesResource {
    /** Default list window: the last 30 days (and tomorrow, which a submit may already hold). */
    static final int DEFAULT_DAYS = 30;
    static final int MAX_RANGE_DAYS = 366;

    @Inject
    Roofworx roofworx;

    @Inject
    Caller caller;

    @Inject
    AppSettings settings;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an entry; the same id with the same body again answers 200 with the stored entry")
    @RequestBody(description = "{\"id\"?: uuid, \"projectId\", \"workDate\": \"YYYY-MM-DD\", \"minutes\", "
            + "\"notes\"?, \"taskType\"?}")
    public Response submit(InputStream body, @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
        String user = caller.user();
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
    @Operation(summary = "The caller's entries with from <= workDate <= to (default: the last 30 days), newest first")
    public List<EntryView> list(@QueryParam("from") String fromText, @QueryParam("to") String toText) {
        String user = caller.user();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate to = toText == null ? today.plusDays(1) : date("to", toText);
        LocalDate from = fromText == null ? to.minusDays(DEFAULT_DAYS) : date("from", fromText);
        if (ChronoUnit.DAYS.between(from, to) > MAX_RANGE_DAYS) {
            throw ValidationException.of("to", to, "must be at most " + MAX_RANGE_DAYS + " days after from ("
                    + from + ")");
        }
        return roofworx.entries().list(user, from, to).stream().map(EntryView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of the caller's entries; 404 for an unknown id and for another user's id alike")
    public EntryView get(@PathParam("id") String idText) {
        String user = caller.user();
        return roofworx.entries().get(user, EntryRequest.uuid("id", idText)).map(EntryView::of)
                .orElseThrow(() -> ApiProblem.notFound("no entry " + idText + " for the caller"));
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, text, "must be a date YYYY-MM-DD");
        }
    }
}
