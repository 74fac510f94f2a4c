package com.roofworx.app.support;

import jakarta.json.JsonObject;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** The API as the tests call it: tokens per demo user, and the common requests. */
public final class Api {
    public static final String ANA = "ana.roofer@example.com";
    public static final String BEN = "ben.slater@example.com";
    public static final String BOSS = "boss@example.com";

    private final Http http;
    private final DevTokens tokens;

    public Api(URI base, DevTokens tokens) {
        this.http = new Http(base);
        this.tokens = tokens;
    }

    public Http http() {
        return http;
    }

    public String worker(String email) {
        return tokens.token(email, java.time.Duration.ofMinutes(30), "worker");
    }

    public String admin() {
        return tokens.token(BOSS, java.time.Duration.ofMinutes(30), "admin");
    }

    public static String[] bearer(String token, String... more) {
        String[] headers = new String[2 + more.length];
        headers[0] = "Authorization";
        headers[1] = "Bearer " + token;
        System.arraycopy(more, 0, headers, 2, more.length);
        return headers;
    }

    public Http.Answer projects(String token) {
        return http.get("api/projects", bearer(token));
    }

    /** The id of the caller's project with this name; fails when the caller has none. */
    public String projectId(String token, String name) {
        return projects(token).array().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").equals(name)).map(p -> p.getString("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no project " + name));
    }

    public Http.Answer submit(String token, String json) {
        return http.post("api/time-entries", json, bearer(token, "Content-Type", "application/json"));
    }

    public Http.Answer entry(String token, String id) {
        return http.get("api/time-entries/" + id, bearer(token));
    }

    /** PUT of the full new content; {@code ifMatch} null sends no If-Match. */
    public Http.Answer correct(String token, String id, String ifMatch, String json) {
        return http.send("PUT", "api/time-entries/" + id, json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                withIfMatch(ifMatch, bearer(token, "Content-Type", "application/json")));
    }

    /** DELETE (void); {@code ifMatch} null sends no If-Match. */
    public Http.Answer voidEntry(String token, String id, String ifMatch) {
        return http.send("DELETE", "api/time-entries/" + id, null, withIfMatch(ifMatch, bearer(token)));
    }

    private static String[] withIfMatch(String ifMatch, String[] headers) {
        if (ifMatch == null) {
            return headers;
        }
        String[] more = java.util.Arrays.copyOf(headers, headers.length + 2);
        more[headers.length] = "If-Match";
        more[headers.length + 1] = ifMatch;
        return more;
    }

    public static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    /** An entry body with a fresh id. */
    public static String entryJson(UUID id, String projectId, String workDate, int minutes, String notes) {
        return "{\"id\":\"" + id + "\",\"projectId\":\"" + projectId + "\",\"workDate\":\"" + workDate
                + "\",\"minutes\":" + minutes + ",\"notes\":" + (notes == null ? "null" : quote(notes))
                + ",\"taskType\":\"roofing\"}";
    }

    private static String quote(String s) {
        return jakarta.json.Json.createValue(s).toString();
    }
}
