package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.zoho.ZohoException;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads whole record sets page by page, 200 records a page: with {@code page} for the first 2,000 records
 * (Zoho refuses {@code page} beyond that), then with the {@code next_page_token} Zoho returned. A 204
 * ends the set. Failure: any page that fails fails the whole read, so callers never see partial data.
 */
public final class RecordPager {
    static final int PER_PAGE = 200;
    static final int PAGE_PARAM_RECORDS = 2000;
    static final int IDS_PER_CALL = 100;

    private final ZohoCalls calls;

    public RecordPager(ZohoCalls calls) {
        this.calls = calls;
    }

    /** Every record of {@code module} with {@code fields} (comma separated, at most 50). */
    public List<JsonObject> all(String module, String fields) {
        List<JsonObject> records = new ArrayList<>();
        int page = 1;
        String pageToken = null;
        while (true) {
            int currentPage = page;
            String currentToken = pageToken;
            ZohoReply reply = calls.call("read " + module, (api, auth) -> currentToken == null
                    ? api.records(auth, module, fields, null, PER_PAGE, currentPage, null)
                    : api.records(auth, module, fields, null, PER_PAGE, null, currentToken));
            if (reply.status() == 204) {
                return records;
            }
            expectOk("read " + module, reply);
            List<JsonObject> data = JsonReads.objects(reply.body(), "data");
            records.addAll(data);
            JsonObject info = JsonReads.object(reply.body(), "info");
            // An empty page that claims more would otherwise page forever.
            if (!JsonReads.flag(info, "more_records") || data.isEmpty()) {
                return records;
            }
            if (pageToken == null && (long) page * PER_PAGE < PAGE_PARAM_RECORDS) {
                page++;
            } else {
                pageToken = JsonReads.text(info, "next_page_token", null);
                if (pageToken == null || pageToken.equals(currentToken)) {
                    throw ZohoException.unavailable("read " + module, reply.status(), "NO_NEXT_PAGE_TOKEN", null);
                }
            }
        }
    }

    /** Records of {@code module} with the given ids, in chunks of 100; unknown ids are simply absent. */
    public List<JsonObject> byIds(String module, String fields, Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<JsonObject> records = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IDS_PER_CALL) {
            String chunk = String.join(",", all.subList(from, Math.min(from + IDS_PER_CALL, all.size())));
            ZohoReply reply = calls.call("read " + module, (api, auth) ->
                    api.records(auth, module, fields, chunk, null, null, null));
            if (reply.status() != 204) {
                expectOk("read " + module, reply);
                records.addAll(JsonReads.objects(reply.body(), "data"));
            }
        }
        return records;
    }

    /** Every record of {@code module} matching {@code criteria}, e.g. {@code (Worker:equals:123)}. */
    public List<JsonObject> search(String module, String criteria, String fields) {
        List<JsonObject> records = new ArrayList<>();
        for (int page = 1; ; page++) {
            int currentPage = page;
            ZohoReply reply = calls.call("search " + module, (api, auth) ->
                    api.search(auth, module, criteria, fields, PER_PAGE, currentPage));
            if (reply.status() == 204) {
                return records;
            }
            expectOk("search " + module, reply);
            List<JsonObject> pageRecords = JsonReads.objects(reply.body(), "data");
            records.addAll(pageRecords);
            if (!JsonReads.flag(JsonReads.object(reply.body(), "info"), "more_records") || pageRecords.isEmpty()) {
                return records;
            }
        }
    }

    /** Every active user. */
    public List<JsonObject> activeUsers() {
        List<JsonObject> users = new ArrayList<>();
        for (int page = 1; ; page++) {
            int currentPage = page;
            ZohoReply reply = calls.call("read users", (api, auth) ->
                    api.users(auth, "ActiveUsers", PER_PAGE, currentPage));
            if (reply.status() == 204) {
                return users;
            }
            expectOk("read users", reply);
            List<JsonObject> pageUsers = JsonReads.objects(reply.body(), "users");
            users.addAll(pageUsers);
            if (!JsonReads.flag(JsonReads.object(reply.body(), "info"), "more_records") || pageUsers.isEmpty()) {
                return users;
            }
        }
    }

    private static void expectOk(String operation, ZohoReply reply) {
        if (reply.status() != 200) {
            throw ZohoException.refused(operation, reply.status(), reply.code(), reply.message());
        }
    }
}
