package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.zoho.ZohoException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Set;

/**
 * {@code POST /crm/v8/{module}/upsert} of up to 100 records keyed by the external-id field, with workflow
 * triggers off. Answers the per-record results in request order. A 200, 201, 202 or 207 and a 400 that
 * carries a per-record {@code data} array are all read record by record; any other reply is thrown.
 */
public final class UpsertCall {
    public static final int MAX_RECORDS = 100;
    private static final Set<Integer> RECORD_LEVEL = Set.of(200, 201, 202, 207, 400);

    private final ZohoCalls calls;

    public UpsertCall(ZohoCalls calls) {
        this.calls = calls;
    }

    public List<JsonObject> upsert(String module, String externalIdField, List<JsonObject> records) {
        if (records.size() > MAX_RECORDS) {
            throw new IllegalArgumentException("records must hold at most 100 records but held " + records.size());
        }
        JsonArrayBuilder data = jakarta.json.Json.createArrayBuilder();
        records.forEach(data::add);
        String body = jakarta.json.Json.createObjectBuilder()
                .add("data", data)
                .add("duplicate_check_fields", jakarta.json.Json.createArrayBuilder().add(externalIdField))
                .add("trigger", jakarta.json.Json.createArrayBuilder())
                .build().toString();
        String operation = "upsert " + module;
        ZohoReply reply = calls.call(operation, (api, auth) -> api.upsert(auth, module, body));
        List<JsonObject> results = JsonReads.objects(reply.body(), "data");
        if (RECORD_LEVEL.contains(reply.status()) && !results.isEmpty()) {
            return results;
        }
        throw ZohoException.refused(operation, reply.status(), reply.code(), reply.message());
    }
}
