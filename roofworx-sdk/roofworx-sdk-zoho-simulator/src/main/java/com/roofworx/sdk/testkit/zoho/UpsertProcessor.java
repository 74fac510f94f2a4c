package com.roofworx.sdk.testkit.zoho;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /crm/v8/{module}/upsert}: each record is checked and written on its own, so one bad record
 * does not hold back the others; the HTTP status is 200 when all succeed, 207 when some fail, 400 when all
 * fail. A record whose duplicate-check value matches an existing record updates it (action "update");
 * which fields are checked and enforced follows the {@link DuplicateCheck} mode. A record holding a locked
 * value, or met while {@link SimulatorFaults#recordLockedNext} lasts, answers RECORD_LOCKED unwritten.
 */
final class UpsertProcessor {
    static final int MAX_RECORDS = 100;

    private final CrmStore store;
    private final Set<String> lockedValues;
    private final SimulatorFaults faults;
    private volatile DuplicateCheck duplicateCheck = DuplicateCheck.MODULE_UNIQUE_FIELDS;

    UpsertProcessor(CrmStore store, Set<String> lockedValues, SimulatorFaults faults) {
        this.store = store;
        this.lockedValues = lockedValues;
        this.faults = faults;
    }

    void duplicateCheck(DuplicateCheck mode) {
        duplicateCheck = mode;
    }

    /** Answers the HTTP status and the reply body. */
    Map.Entry<Integer, JsonObject> upsert(String module, JsonObject body, Instant now) {
        JsonValue data = body.get("data");
        if (!(data instanceof JsonArray records) || records.isEmpty()) {
            return Replies.answer(400, Replies.error("INVALID_DATA", "the data key is missing or empty", "api_name", "data"));
        }
        if (records.size() > MAX_RECORDS) {
            return Replies.answer(400, Replies.error("LIMIT_EXCEEDED", "maximum of 100 records per call",
                    "limit", Integer.toString(MAX_RECORDS)));
        }
        List<String> checkFields = checkFields(module, body);
        JsonArrayBuilder results = Json.createArrayBuilder();
        int failures = 0;
        synchronized (store) {
            for (JsonValue value : records) {
                JsonObject result = value instanceof JsonObject record
                        ? one(module, record, checkFields, now)
                        : Replies.recordError("INVALID_DATA", "record is not an object", "api_name", "data");
                failures += "SUCCESS".equals(result.getString("code")) ? 0 : 1;
                results.add(result);
            }
        }
        int status = failures == 0 ? 200 : failures == records.size() ? 400 : 207;
        return Replies.answer(status, Json.createObjectBuilder().add("data", results).build());
    }

    private List<String> checkFields(String module, JsonObject body) {
        if (body.get("duplicate_check_fields") instanceof JsonArray named) {
            return named.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        return duplicateCheck == DuplicateCheck.MODULE_UNIQUE_FIELDS
                ? List.copyOf(store.rules(module).uniqueFields()) : List.of();
    }

    /** The unique fields this request is held to: all of them like Zoho, or only those it names. */
    private Set<String> enforced(ModuleRules rules, List<String> checkFields) {
        Set<String> unique = new LinkedHashSet<>(rules.uniqueFields());
        if (duplicateCheck == DuplicateCheck.REQUESTED_ONLY) {
            unique.retainAll(checkFields);
        }
        return unique;
    }

    /** RECORD_LOCKED when the record holds a locked value in a checked or unique field, or a fault says so. */
    private JsonObject lockedError(ModuleRules rules, JsonObject record, List<String> checkFields) {
        Set<String> keyFields = new LinkedHashSet<>(checkFields);
        keyFields.addAll(rules.uniqueFields());
        for (String field : keyFields) {
            String value = CrmStore.text(record.get(field));
            if (value != null && lockedValues.contains(value)) {
                return Replies.recordError("RECORD_LOCKED", "the record is locked", "api_name", field);
            }
        }
        if (faults.takeRecordLocked()) {
            return Replies.recordError("RECORD_LOCKED", "the record is locked", "api_name",
                    keyFields.isEmpty() ? "id" : keyFields.iterator().next());
        }
        return null;
    }

    private JsonObject one(String module, JsonObject record, List<String> checkFields, Instant now) {
        ModuleRules rules = store.rules(module);
        JsonObject locked = lockedError(rules, record, checkFields);
        if (locked != null) {
            return locked;
        }
        String matchedField = null;
        String existingId = null;
        for (String field : checkFields) {
            String value = CrmStore.text(record.get(field));
            if (value != null) {
                Optional<String> found = store.findBy(module, field, value);
                if (found.isPresent()) {
                    matchedField = field;
                    existingId = found.get();
                    break;
                }
            }
        }
        JsonObjectBuilder merged = existingId == null
                ? Json.createObjectBuilder()
                : Json.createObjectBuilder(store.get(module, existingId).orElseThrow());
        for (Map.Entry<String, JsonValue> field : record.entrySet()) {
            if (field.getKey().equals("id")) {
                continue;
            }
            JsonValue resolved = resolve(rules, field.getKey(), field.getValue());
            if (resolved == null) {
                return Replies.recordError("INVALID_DATA", "invalid data", "api_name", field.getKey());
            }
            merged.add(field.getKey(), resolved);
        }
        JsonObject candidate = merged.build();
        if (existingId == null) {
            for (String field : rules.mandatoryFields()) {
                String value = CrmStore.text(candidate.get(field));
                if (value == null || value.isBlank()) {
                    return Replies.recordError("MANDATORY_NOT_FOUND", "required field not found", "api_name", field);
                }
            }
        }
        for (String field : enforced(rules, checkFields)) {
            String value = CrmStore.text(candidate.get(field));
            Optional<String> clash = value == null ? Optional.empty() : store.findBy(module, field, value);
            if (clash.isPresent() && !clash.get().equals(existingId)) {
                return Replies.recordError("DUPLICATE_DATA", "duplicate data", "api_name", field);
            }
        }
        boolean insert = existingId == null;
        String id = insert ? store.newId() : existingId;
        store.put(module, id, Json.createObjectBuilder(candidate).add("Modified_Time", now.toString()).build());
        JsonObjectBuilder result = Json.createObjectBuilder()
                .add("code", "SUCCESS")
                .add("action", insert ? "insert" : "update")
                .add("details", Json.createObjectBuilder().add("id", id).add("Modified_Time", now.toString()))
                .add("message", insert ? "record added" : "record updated")
                .add("status", "success");
        return matchedField == null ? result.addNull("duplicate_field").build()
                : result.add("duplicate_field", matchedField).build();
    }

    /** A written value with lookups checked and expanded; null when a lookup names nothing known. */
    private JsonValue resolve(ModuleRules rules, String field, JsonValue value) {
        String target = rules.lookupFields().get(field);
        boolean userLookup = rules.userLookupFields().contains(field);
        if ((target == null && !userLookup) || value.getValueType() == JsonValue.ValueType.NULL) {
            return value;
        }
        String id = CrmStore.text(value);
        if (id == null) {
            return null;
        }
        if (userLookup) {
            return store.user(id).filter(SimulatedUser::active)
                    .<JsonValue>map(u -> Json.createObjectBuilder().add("id", u.id()).add("name", u.fullName())
                            .add("email", u.email()).build())
                    .orElse(null);
        }
        return store.get(target, id)
                .<JsonValue>map(r -> Json.createObjectBuilder().add("id", id).add("name", displayName(r)).build())
                .orElse(null);
    }

    static String displayName(JsonObject record) {
        for (String field : List.of("Deal_Name", "Name", "Full_Name", "Last_Name", "Account_Name")) {
            String value = CrmStore.text(record.get(field));
            if (value != null) {
                return value;
            }
        }
        return record.getString("id");
    }
}
