package com.roofworx.sdk.zoho.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;

/** Null-tolerant reads of Zoho JSON, where a field may be absent, null, a string, a number or a lookup object. */
public final class JsonReads {
    private JsonReads() {
    }

    /** The member as text: a string as is, a number in JSON form, a lookup by its {@code name}; else {@code fallback}. */
    public static String text(JsonObject object, String key, String fallback) {
        JsonValue value = object == null ? null : object.get(key);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.toString();
        }
        if (value instanceof JsonObject lookup && lookup.get("name") instanceof JsonString name) {
            return name.getString();
        }
        return fallback;
    }

    /** The id of a lookup member ({@code {"id": ...}}), or of a plain id value; null when absent. */
    public static String lookupId(JsonObject object, String key) {
        JsonValue value = object == null ? null : object.get(key);
        if (value instanceof JsonObject lookup) {
            value = lookup.get("id");
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value instanceof JsonNumber n ? n.toString() : null;
    }

    public static boolean flag(JsonObject object, String key) {
        JsonValue value = object == null ? null : object.get(key);
        return value == JsonValue.TRUE;
    }

    /** The member as a list of objects; empty when absent or not an array. */
    public static List<JsonObject> objects(JsonObject object, String key) {
        JsonValue value = object == null ? null : object.get(key);
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }

    public static JsonObject object(JsonObject object, String key) {
        JsonValue value = object == null ? null : object.get(key);
        return value instanceof JsonObject o ? o : null;
    }
}
