package com.roofworx.sdk.testkit.zoho;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.AbstractMap;
import java.util.Map;

/** Zoho-shaped error bodies. */
final class Replies {
    private Replies() {
    }

    /** An HTTP status and its JSON body; a null body means no content. */
    static Map.Entry<Integer, JsonObject> answer(int status, JsonObject body) {
        return new AbstractMap.SimpleImmutableEntry<>(status, body);
    }

    /** A whole-request error: {@code {"code":..., "details":{key:value}, "message":..., "status":"error"}}. */
    static JsonObject error(String code, String message, String detailKey, String detailValue) {
        return recordError(code, message, detailKey, detailValue);
    }

    static JsonObject error(String code, String message) {
        return Json.createObjectBuilder().add("code", code).add("details", Json.createObjectBuilder())
                .add("message", message).add("status", "error").build();
    }

    /** One record's error inside a {@code data} array; same shape as a whole-request error. */
    static JsonObject recordError(String code, String message, String detailKey, String detailValue) {
        return Json.createObjectBuilder().add("code", code)
                .add("details", Json.createObjectBuilder().add(detailKey, detailValue))
                .add("message", message).add("status", "error").build();
    }
}
