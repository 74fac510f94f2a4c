package com.roofworx.app.interfaces;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.Destination;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The blocked-entry filter as query parameters: {@code destination} (warm|cold), {@code code} (a refusal code
 * such as UNKNOWN_WORKER), {@code owner} (an e-mail address), {@code from} and {@code to} (ISO-8601 instants,
 * created-at from inclusive, to exclusive). Every bad value is a 400 naming the parameter.
 */
public class BlockedQuery {
    @QueryParam("destination")
    String destination;
    @QueryParam("code")
    String code;
    @QueryParam("owner")
    String owner;
    @QueryParam("from")
    String from;
    @QueryParam("to")
    String to;

    /** The SDK's own checks (a malformed code, from not before to) surface as 400s through the mappers. */
    BlockedFilter filter() {
        return new BlockedFilter(destination(), code, owner == null ? null : owner.trim().toLowerCase(Locale.ROOT),
                instant("from", from), instant("to", to));
    }

    private Destination destination() {
        if (destination == null) {
            return null;
        }
        return switch (destination) {
            case "warm" -> Destination.WARM;
            case "cold" -> Destination.COLD;
            default -> throw ApiProblem.invalid("destination", destination, "must be warm or cold");
        };
    }

    private static Instant instant(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, text, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
