package com.roofworx.app.interfaces;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds RFC 9457 {@code application/problem+json} responses. */
public final class Problems {
    /** Made once: {@code Json.createObjectBuilder} looks the JSON provider up again on every call. */
    private static final jakarta.json.JsonBuilderFactory BUILDERS = Json.createBuilderFactory(java.util.Map.of());
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    /** Problem types are URNs: stable identifiers that need no documentation host. */
    public static final String TYPE_PREFIX = "urn:roofworx:problem:";

    private Problems() {
    }

    public static Response of(ApiProblem p) {
        Response r = response(p.status(), p.slug(), p.title(), p.getMessage(), p.field(), p.value());
        return p.retryAfterSeconds() > 0 ? retryAfter(r, p.retryAfterSeconds()) : r;
    }

    /** The response with a {@code Retry-After} header in seconds. */
    public static Response retryAfter(Response r, long seconds) {
        return Response.fromResponse(r).header("Retry-After", Long.toString(seconds)).build();
    }

    /**
     * @param field the request field the problem is about, or null
     * @param value the rejected value as text, or null
     */
    public static Response response(int status, String slug, String title, String detail, String field,
                                    String value) {
        return response(status, slug, title, detail, field, value, body -> { });
    }

    /** As {@link #response(int, String, String, String, String, String)}, with members of the problem's own. */
    public static Response response(int status, String slug, String title, String detail, String field,
                                    String value, java.util.function.Consumer<JsonObjectBuilder> extension) {
        JsonObjectBuilder body = BUILDERS.createObjectBuilder()
                .add("type", TYPE_PREFIX + slug)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (field != null) {
            body.add("field", field);
            body.add("value", value == null ? "null" : value);
        }
        extension.accept(body);
        // Built as text so no JSON provider has to know the problem media type.
        return Response.status(status).type(PROBLEM_JSON).entity(body.build().toString()).build();
    }
}
