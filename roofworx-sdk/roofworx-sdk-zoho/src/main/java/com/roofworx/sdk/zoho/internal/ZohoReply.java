package com.roofworx.sdk.zoho.internal;


import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One HTTP reply, read whole and closed: the status, the JSON object body (null when empty or not a JSON
 * object, e.g. a 204 or a proxy's HTML error page) and the Retry-After header.
 */
record ZohoReply(int status, JsonObject body, String retryAfterHeader) {

    static ZohoReply read(Response response) {
        try (response) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            return new ZohoReply(response.getStatus(), parse(text), response.getHeaderString("Retry-After"));
        }
    }

    /** Zoho's error code: {@code code} on API replies, {@code error} on token replies; null when absent. */
    String code() {
        if (body == null) {
            return null;
        }
        for (String key : new String[]{"code", "error"}) {
            JsonValue value = body.get(key);
            if (value != null && value.getValueType() == JsonValue.ValueType.STRING) {
                return body.getString(key);
            }
        }
        return null;
    }

    String message() {
        if (body == null) {
            return "no JSON body";
        }
        return JsonReads.text(body, "message", JsonReads.text(body, "error_description", body.toString()));
    }

    /** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(java.time.Instant now) {
        if (retryAfterHeader == null || retryAfterHeader.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfterHeader.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration delay = Duration.between(now,
                        ZonedDateTime.parse(retryAfterHeader.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return delay.isNegative() ? Duration.ZERO : delay;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static JsonObject parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
