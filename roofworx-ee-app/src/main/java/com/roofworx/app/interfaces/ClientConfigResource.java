package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.AppSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/client-config}: what a browser client needs before anyone signed in: where to sign in
 * (issuer and public client id, for OpenID Connect discovery and the authorization code flow with PKCE),
 * which token to send to this API, the backdating window for its date picker and the correction window for
 * its Edit and Void buttons. Public by nature: it
 * holds no secret (a browser client has none).
 */
@Path("client-config")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ClientConfigResource {

    @Inject
    AppSettings settings;

    /**
     * @param issuer         the identity provider's issuer URL; its discovery document is at
     *                       {@code issuer + "/.well-known/openid-configuration"}
     * @param clientId       the public OAuth client registered for the web client; null when sign-in is not set up
     * @param scope          the scopes to ask for
     * @param audience       the {@code audience} authorization parameter, for providers that need one; else null
     * @param token          {@code access} or {@code id}: which token to send to this API as the bearer token
     * @param backdatingDays how many days back a work date may lie
     * @param correctionDays how many days after its work date an entry may be corrected or voided (0: never)
     */
    @JsonbNillable
    @JsonbPropertyOrder({"issuer", "clientId", "scope", "audience", "token", "backdatingDays", "correctionDays"})
    public record ClientConfig(String issuer, String clientId, String scope, String audience, String token,
                               long backdatingDays, long correctionDays) {
    }

    @GET
    @Operation(summary = "Sign-in settings for browser clients (issuer, public client id, scope) and entry limits")
    public Response config() {
        ClientConfig config = new ClientConfig(settings.clientIssuer().orElse(null),
                settings.clientId().orElse(null), settings.clientScope(), settings.clientAudience().orElse(null),
                settings.clientToken(), settings.backdatingDays(),
                settings.correctionWindow().toDays());
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        return Response.ok(config).cacheControl(revalidate).build();
    }
}
