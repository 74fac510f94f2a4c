package com.roofworx.sdk.testkit.zoho;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's data: records per module in insertion order, users, and each module's rules.
 * Every method locks the store, so a multi-record write ({@link UpsertProcessor}) is atomic to readers.
 */
final class CrmStore {
    private final Map<String, LinkedHashMap<String, JsonObject>> modules = new LinkedHashMap<>();
    private final LinkedHashMap<String, SimulatedUser> users = new LinkedHashMap<>();
    private final Map<String, ModuleRules> rules = new ConcurrentHashMap<>();
    // Zoho record ids are 19-digit numbers; the simulator hands out look-alikes.
    private long nextId = 5_725_767_000_000_100_000L;

    ModuleRules rules(String module) {
        return rules.computeIfAbsent(module, m -> new ModuleRules());
    }

    synchronized String newId() {
        return Long.toString(nextId++);
    }

    /** Stores {@code record} (its "id" member is replaced by {@code id}); answers the stored record. */
    synchronized JsonObject put(String module, String id, JsonObject record) {
        JsonObject stored = Json.createObjectBuilder(record).add("id", id).build();
        modules.computeIfAbsent(module, m -> new LinkedHashMap<>()).put(id, stored);
        return stored;
    }

    synchronized List<JsonObject> list(String module) {
        return new ArrayList<>(modules.getOrDefault(module, new LinkedHashMap<>()).values());
    }

    synchronized Optional<JsonObject> get(String module, String id) {
        return Optional.ofNullable(modules.getOrDefault(module, new LinkedHashMap<>()).get(id));
    }

    synchronized boolean remove(String module, String id) {
        return modules.getOrDefault(module, new LinkedHashMap<>()).remove(id) != null;
    }

    /** The id of the first record of {@code module} whose {@code field} equals {@code value} (as text). */
    synchronized Optional<String> findBy(String module, String field, String value) {
        for (JsonObject record : modules.getOrDefault(module, new LinkedHashMap<>()).values()) {
            if (value.equals(text(record.get(field)))) {
                return Optional.of(record.getString("id"));
            }
        }
        return Optional.empty();
    }

    synchronized void putUser(SimulatedUser user) {
        users.put(user.id(), user);
    }

    synchronized Optional<SimulatedUser> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    synchronized List<SimulatedUser> users() {
        return new ArrayList<>(users.values());
    }

    /** A field value as comparable text: strings as is, lookups by their id, numbers in JSON form. */
    static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonObject o && o.containsKey("id")) {
            return text(o.get("id"));
        }
        return value.toString();
    }
}
