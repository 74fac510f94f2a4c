package com.roofworx.sdk.zoho.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Zoho accounts: the OAuth token endpoint, as a MicroProfile Rest Client interface. */
@Path("/oauth/v2")
public interface ZohoAccountsApi {

    /** Mints an access token from a refresh token. Zoho may answer HTTP 200 with an {@code error} member. */
    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
                   @FormParam("client_secret") String clientSecret, @FormParam("refresh_token") String refreshToken);
}
