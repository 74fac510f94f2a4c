package com.roofworx.app.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The app's OpenAPI document (its JSON form), read for what the tests check: the request bodies. */
public final class OpenApiDocument {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonObject document;

    public OpenApiDocument(JsonObject document) {
        this.document = document;
    }

    /** One media type of an operation's request body: its schema's property names and its examples' values. */
    public record BodyContent(String operation, String mediaType, Set<String> properties, List<String> examples) {
    }

    /** Every request body content of every operation, keyed "POST /api/time-entries". */
    public List<BodyContent> requestBodies() {
        List<BodyContent> bodies = new ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, op) -> {
            if (!METHODS.contains(method) || !op.asJsonObject().containsKey("requestBody")) {
                return;
            }
            String operation = method.toUpperCase(java.util.Locale.ROOT) + " " + path;
            JsonObject content = op.asJsonObject().getJsonObject("requestBody").getJsonObject("content");
            content.forEach((type, media) -> bodies.add(new BodyContent(operation, type,
                    properties(media.asJsonObject().getJsonObject("schema")), examples(media.asJsonObject()))));
        }));
        return bodies;
    }

    /** The operations that take a body, with the property names each of its media types shows. */
    public Map<String, List<Set<String>>> propertiesByOperation() {
        Map<String, List<Set<String>>> byOperation = new LinkedHashMap<>();
        requestBodies().forEach(b -> byOperation.computeIfAbsent(b.operation(), o -> new ArrayList<>())
                .add(b.properties()));
        return byOperation;
    }

    private Set<String> properties(JsonObject schema) {
        JsonObject resolved = schema;
        if (schema.containsKey("$ref")) {
            String name = schema.getString("$ref").substring("#/components/schemas/".length());
            resolved = document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
        }
        JsonObject properties = resolved.getJsonObject("properties");
        return properties == null ? Set.of() : new TreeSet<>(properties.keySet());
    }

    private static List<String> examples(JsonObject media) {
        JsonObject examples = media.getJsonObject("examples");
        if (examples == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        examples.values().forEach(e -> {
            JsonValue value = e.asJsonObject().get("value");
            values.add(value instanceof JsonString s ? s.getString() : String.valueOf(value));
        });
        return values;
    }
}
