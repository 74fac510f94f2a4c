package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.AppSettings;
import com.roofworx.app.infrastructure.RoofworxRuntime;
import com.roofworx.sdk.Roofworx;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.io.InputStream;
import java.util.OptionalInt;

/**
 * {@code POST /api/webhooks/zoho}: Zoho says projects changed. Authenticated by the {@code x-roofworx-secret}
 * header (a workflow webhook) or by the channel token in the body (a Notifications API callback). Refreshes the
 * named Deals; a notification naming no Deals (or another module, such as the assignments) reloads everything,
 * or, while a reload runs, queues one more and answers 202.
 */
@Path("webhooks/zoho")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ZohoWebhookResource {
    public static final String SECRET_HEADER = "x-roofworx-secret";
    static final String DEALS_MODULE = "roofworx.zoho.deals-module";

    @Inject
    Roofworx roofworx;

    @Inject
    AppSettings settings;

    @Inject
    RoofworxRuntime runtime;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Zoho change notification: refreshes the named projects")
    @RequestBody(description = "A workflow webhook's or a Notifications API callback's body",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = RequestBodies.ZohoNotificationBody.class),
                        examples = {
                            @ExampleObject(name = "webhook", value = RequestBodies.WEBHOOK_EXAMPLE),
                            @ExampleObject(name = "notification", value = RequestBodies.NOTIFICATION_EXAMPLE)}),
                @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                        schema = @Schema(implementation = RequestBodies.ZohoNotificationBody.class),
                        examples = @ExampleObject(name = "webhook", value = RequestBodies.FORM_EXAMPLE)),
                // Zoho's webhooks do not always say what they send: any other type is read as JSON.
                @Content(mediaType = MediaType.WILDCARD,
                        schema = @Schema(implementation = RequestBodies.ZohoNotificationBody.class),
                        examples = @ExampleObject(name = "webhook", value = RequestBodies.WEBHOOK_EXAMPLE))})
    public Response notify(InputStream body, @HeaderParam(SECRET_HEADER) String secret,
                             @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                             @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length) {
        byte[] bytes = BodyReader.read(body, length, settings.maxBodyBytes());
        boolean byHeader = SharedSecrets.matches(settings.webhookSecret(), secret);
        ZohoNotification n = byHeader || secret != null ? null : ZohoNotification.parse(bytes, contentType);
        if (!byHeader && (n == null || !SharedSecrets.matches(settings.notificationToken(), n.token()))) {
            throw ApiProblem.unauthorized("a Zoho notification needs the " + SECRET_HEADER
                    + " header or the channel token in its body");
        }
        if (n == null) {
            n = ZohoNotification.parse(bytes, contentType);
        }
        String deals = settings.raw().text(DEALS_MODULE, "Deals");
        boolean otherModule = n.module() != null && !n.module().equalsIgnoreCase(deals);
        if (n.ids().isEmpty() || otherModule) {
            // A burst of notifications becomes at most one running reload plus one queued behind it.
            OptionalInt count = runtime.projectReloads().request();
            if (count.isEmpty()) {
                return Response.accepted(Json.createObjectBuilder().add("refreshed", "all").add("queued", true)
                        .build()).build();
            }
            return Response.ok(Json.createObjectBuilder().add("refreshed", "all")
                    .add("projects", count.getAsInt()).build()).build();
        }
        JsonArrayBuilder refreshed = Json.createArrayBuilder();
        JsonArrayBuilder gone = Json.createArrayBuilder();
        for (String id : n.ids().stream().distinct().limit(100).toList()) {
            if (roofworx.projects().refreshProject(id)) {
                refreshed.add(id);
            } else {
                gone.add(id);
            }
        }
        return Response.ok(Json.createObjectBuilder().add("refreshed", refreshed).add("gone", gone).build()).build();
    }
}
