package com.roofworx.sdk.testkit.zoho;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The read endpoints: records list (with {@code fields}, {@code per_page}, {@code page} up to the 2,000th
 * record and {@code page_token} beyond), records by {@code ids}, search by one {@code (field:equals:value)}
 * criterion, and the users list. An empty answer is HTTP 204 with no body, as in Zoho.
 */
final class RecordReader {
    static final int MAX_FIELDS = 50;
    static final int MAX_PER_PAGE = 200;
    static final int PAGE_PARAM_LIMIT = 2000;

    private final CrmStore store;

    RecordReader(CrmStore store) {
        this.store = store;
    }

    /** {@code GET /crm/v8/{module}}: answers the HTTP status and the body (null for 204). */
    Map.Entry<Integer, JsonObject> list(String module, Map<String, String> query) {
        String fields = query.get("fields");
        if (query.containsKey("ids")) {
            Set<String> ids = Set.of(query.get("ids").split(","));
            return page(store.list(module).stream().filter(r -> ids.contains(r.getString("id"))).toList(),
                    fields, 0, MAX_PER_PAGE, null);
        }
        if (fields == null || fields.isBlank()) {
            return Replies.answer(400, Replies.error("REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
                    "param", "fields"));
        }
        if (fields.split(",").length > MAX_FIELDS) {
            return Replies.answer(400, Replies.error("LIMIT_EXCEEDED", "at most 50 fields may be requested",
                    "param", "fields"));
        }
        int perPage = intParam(query, "per_page", MAX_PER_PAGE);
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            return Replies.answer(400, Replies.error("INVALID_DATA", "per_page must be 1-200", "param", "per_page"));
        }
        List<JsonObject> all = store.list(module);
        if (query.containsKey("page_token")) {
            if (query.containsKey("page")) {
                return Replies.answer(400, Replies.error("INVALID_REQUEST", "page and page_token cannot be combined",
                        "param", "page_token"));
            }
            Integer offset = decodeToken(module, query.get("page_token"));
            if (offset == null) {
                return Replies.answer(400, Replies.error("INVALID_DATA", "invalid page token", "param", "page_token"));
            }
            return page(all, fields, offset, perPage, null);
        }
        int page = intParam(query, "page", 1);
        if (page < 1 || (long) (page - 1) * perPage >= PAGE_PARAM_LIMIT) {
            return Replies.answer(400, Replies.error("DISCRETE_PAGINATION_LIMIT_EXCEEDED",
                    "cannot fetch more than 2000 records with the page param; use page_token", "limit", "2000"));
        }
        return page(all, fields, (page - 1) * perPage, perPage, page);
    }

    /** {@code GET /crm/v8/{module}/search?criteria=(field:equals:value)}. */
    Map.Entry<Integer, JsonObject> search(String module, Map<String, String> query) {
        String criteria = query.getOrDefault("criteria", "");
        String[] parts = criteria.replaceAll("^\\(|\\)$", "").split(":", 3);
        if (parts.length != 3 || !parts[1].equals("equals")) {
            return Replies.answer(400, Replies.error("INVALID_QUERY", "criteria must be (field:equals:value)",
                    "param", "criteria"));
        }
        Predicate<JsonObject> matches = r -> parts[2].equals(CrmStore.text(r.get(parts[0])));
        int perPage = intParam(query, "per_page", MAX_PER_PAGE);
        int page = intParam(query, "page", 1);
        return page(store.list(module).stream().filter(matches).toList(), query.get("fields"),
                (page - 1) * perPage, perPage, page);
    }

    /** {@code GET /crm/v8/users?type=ActiveUsers}. */
    Map.Entry<Integer, JsonObject> users(Map<String, String> query) {
        boolean activeOnly = !"AllUsers".equals(query.get("type"));
        List<SimulatedUser> users = store.users().stream().filter(u -> u.active() || !activeOnly).toList();
        int perPage = intParam(query, "per_page", MAX_PER_PAGE);
        int page = intParam(query, "page", 1);
        int from = Math.min((page - 1) * perPage, users.size());
        int to = Math.min(from + perPage, users.size());
        if (from == to) {
            return Replies.answer(204, null);
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        users.subList(from, to).forEach(u -> list.add(Json.createObjectBuilder().add("id", u.id())
                .add("full_name", u.fullName()).add("email", u.email())
                .add("status", u.active() ? "active" : "disabled")));
        return Replies.answer(200, Json.createObjectBuilder().add("users", list)
                .add("info", Json.createObjectBuilder().add("per_page", perPage).add("count", to - from)
                        .add("page", page).add("more_records", to < users.size())).build());
    }

    private Map.Entry<Integer, JsonObject> page(List<JsonObject> all, String fields, int offset, int perPage,
                                                Integer page) {
        int from = Math.min(Math.max(offset, 0), all.size());
        int to = Math.min(from + perPage, all.size());
        if (from == to) {
            return Replies.answer(204, null);
        }
        JsonArrayBuilder data = Json.createArrayBuilder();
        all.subList(from, to).forEach(r -> data.add(project(r, fields)));
        boolean more = to < all.size();
        JsonObjectBuilder info = Json.createObjectBuilder().add("per_page", perPage).add("count", to - from)
                .add("more_records", more).add("sort_by", "id").add("sort_order", "asc");
        if (page != null) {
            info.add("page", page);
        }
        if (more) {
            info.add("next_page_token", encodeToken(all.get(0).getString("id"), to));
        } else {
            info.addNull("next_page_token");
        }
        return Replies.answer(200, Json.createObjectBuilder().add("data", data).add("info", info).build());
    }

    /** The record reduced to its id and the requested fields (absent ones as null, as Zoho answers). */
    private static JsonObject project(JsonObject record, String fields) {
        if (fields == null || fields.isBlank()) {
            return record;
        }
        JsonObjectBuilder out = Json.createObjectBuilder().add("id", record.getString("id"));
        Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.equals("id"))
                .forEach(f -> out.add(f, record.getOrDefault(f, JsonValue.NULL)));
        return out.build();
    }

    // The token names the module's first record so a token is not accepted for another module.
    private static String encodeToken(String anchor, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((anchor + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private Integer decodeToken(String module, String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            List<JsonObject> all = store.list(module);
            if (parts.length != 2 || all.isEmpty() || !all.get(0).getString("id").equals(parts[0])) {
                return null;
            }
            return Integer.parseInt(parts[1]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int intParam(Map<String, String> query, String name, int fallback) {
        try {
            return query.containsKey(name) ? Integer.parseInt(query.get(name)) : fallback;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
