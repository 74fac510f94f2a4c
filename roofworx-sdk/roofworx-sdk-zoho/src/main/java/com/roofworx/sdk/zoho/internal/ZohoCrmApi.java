package com.roofworx.sdk.zoho.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The Zoho CRM v8 calls the adapter makes, as a MicroProfile Rest Client interface. Null query parameters
 * are left out of the URL. Methods answer the raw {@link Response} because a 2xx may still carry
 * per-record failures and every error status needs its body read; bodies are JSON text, parsed with
 * JSON-P by the caller, so no JSON provider has to be registered with the client.
 */
@Path("/crm/v8")
@Produces(MediaType.APPLICATION_JSON)
public interface ZohoCrmApi {

    /** {@code GET /crm/v8/{module}}: a page of records ({@code page} up to 2,000 records, then {@code page_token}) or records by ids. */
    @GET
    @Path("/{module}")
    Response records(@HeaderParam("Authorization") String authorization, @PathParam("module") String module,
                     @QueryParam("fields") String fields, @QueryParam("ids") String ids,
                     @QueryParam("per_page") Integer perPage, @QueryParam("page") Integer page,
                     @QueryParam("page_token") String pageToken);

    /** {@code GET /crm/v8/{module}/search?criteria=...}. */
    @GET
    @Path("/{module}/search")
    Response search(@HeaderParam("Authorization") String authorization, @PathParam("module") String module,
                    @QueryParam("criteria") String criteria, @QueryParam("fields") String fields,
                    @QueryParam("per_page") Integer perPage, @QueryParam("page") Integer page);

    /** {@code GET /crm/v8/users?type=ActiveUsers}. */
    @GET
    @Path("/users")
    Response users(@HeaderParam("Authorization") String authorization, @QueryParam("type") String type,
                   @QueryParam("per_page") Integer perPage, @QueryParam("page") Integer page);

    /** {@code POST /crm/v8/{module}/upsert} with a JSON body. */
    @POST
    @Path("/{module}/upsert")
    @Consumes(MediaType.APPLICATION_JSON)
    Response upsert(@HeaderParam("Authorization") String authorization, @PathParam("module") String module,
                    String body);
}
