package com.roofworx.app;

import com.roofworx.app.support.Api;
import com.roofworx.app.support.AppSettingsFor;
import com.roofworx.app.support.BackingServices;
import com.roofworx.app.support.Deployments;
import com.roofworx.app.support.DevTokens;
import com.roofworx.app.support.Fuzz;
import com.roofworx.app.support.Http;
import com.roofworx.app.support.Http.Answer;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.roofworx.app.support.Api.bearer;
import static com.roofworx.app.support.Api.entryJson;
import static com.roofworx.app.support.Api.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployed WAR under requests an outsider sends: a seeded fuzz of bodies, numbers, strings, dates, query
 * strings, forms, methods and paths (no answer may be a 5xx, every 400 is a problem, nothing refused is stored),
 * strings that must come back byte-identical from Redis and PostgreSQL, and a metrics endpoint that random
 * methods cannot grow.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {
    /** -Dfuzz.seed=... replays a run; the seed is printed. */
    private static final long SEED = Long.getLong("fuzz.seed", 20261130L);
    private static final int REQUESTS = 2_400;
    private static final String FUZZER = "fuzz.worker@example.com";

    static BackingServices services;
    static DevTokens tokens;

    @ArquillianResource
    URL base;

    Api api;

    @Deployment
    static WebArchive deployment() {
        services = BackingServices.start();
        tokens = new DevTokens();
        Map<String, String> settings = AppSettingsFor.of(services, tokens);
        // The fuzz submits far faster than a worker: keep the limit on, but out of its way.
        settings.put("roofworx.api.submit-rate", "100000");
        settings.put("roofworx.api.submit-burst", "100000");
        return Deployments.builtWar(settings);
    }

    @AfterAll
    static void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    @BeforeEach
    void client() throws Exception {
        api = new Api(base.toURI(), tokens);
    }

    @Test
    void noGeneratedRequestGetsA5xxEvery400IsAProblemAndNothingRefusedIsStored() {
        var worker = services.zoho().addUser(FUZZER, "Fuzz Worker");
        String project = api.projectId(api.worker(Api.ANA), "Maple St re-roof");
        services.zoho().assign(project, worker.id());
        assertThat(api.http().post("api/cron/sync-projects", null, bearer(AppSettingsFor.CRON_SECRET)).status())
                .isEqualTo(200);
        String token = api.worker(FUZZER);
        Fuzz fuzz = new Fuzz(SEED);
        Http http = api.http();
        List<String> failures = new ArrayList<>();
        Set<String> accepted = new HashSet<>();
        System.out.println("HostileInputIT seed " + SEED);
        for (int i = 0; i < REQUESTS; i++) {
            String what;
            Answer answer;
            int kind = fuzz.random().nextInt(10);
            if (kind <= 3) {
                String body = fuzz.entryBody(project, LocalDate.now(ZoneOffset.UTC).minusDays(
                        fuzz.random().nextInt(3)).toString());
                what = "POST time-entries " + body;
                answer = http.send("POST", "api/time-entries", body.getBytes(StandardCharsets.UTF_8),
                        bearer(token, "Content-Type", "application/json"));
                if (answer.status() == 201 || answer.status() == 200) {
                    accepted.add(answer.json().getString("id"));
                }
            } else if (kind == 4) {
                byte[] body = fuzz.broken(fuzz.entryBody(project, today()));
                what = "POST time-entries broken " + new String(body, StandardCharsets.ISO_8859_1);
                answer = http.send("POST", "api/time-entries", body, bearer(token, "Content-Type",
                        fuzz.pick(List.of("application/json", "application/json; charset=utf-8", "text/plain",
                                "application/x-www-form-urlencoded", "*/*", "application/json; charset=x-bogus"))));
                if (answer.status() == 201 || answer.status() == 200) {
                    accepted.add(answer.json().getString("id"));
                }
            } else if (kind == 5) {
                String query = "from=" + fuzz.urlPart(fuzz.date()) + "&to=" + fuzz.urlPart(fuzz.date())
                        + (fuzz.random().nextBoolean() ? "&limit=" + fuzz.urlPart(fuzz.jsonValue()) : "");
                what = "GET time-entries?" + query;
                answer = http.get("api/time-entries?" + query, bearer(token));
            } else if (kind == 6) {
                String form = fuzz.form();
                boolean secret = fuzz.random().nextBoolean();
                what = "POST webhook form " + form + (secret ? " with secret" : "");
                answer = http.send("POST", "api/webhooks/zoho", form.getBytes(StandardCharsets.UTF_8),
                        secret ? new String[]{"Content-Type", "application/x-www-form-urlencoded",
                                "x-roofworx-secret", AppSettingsFor.WEBHOOK_SECRET}
                                : new String[]{"Content-Type", "application/x-www-form-urlencoded"});
            } else if (kind == 7) {
                byte[] body = fuzz.broken("{\"module\":\"Deals\",\"ids\":[" + fuzz.jsonValue() + "],\"token\":"
                        + fuzz.jsonValue() + "}");
                what = "POST webhook json " + new String(body, StandardCharsets.ISO_8859_1);
                answer = http.send("POST", "api/webhooks/zoho", body, "Content-Type", "application/json");
            } else if (kind == 8) {
                String path = fuzz.pick(List.of("api/time-entries/", "api/admin/sync/blocked/", "api/projects/",
                        "api/cron/", "api/", "api/time-entries?from=")) + fuzz.urlPart(fuzz.pick(List.of(
                        UUID.randomUUID().toString(), "123", "..", "%00", "\u0000", "x".repeat(300), "é",
                        fuzz.date())));
                what = "GET " + path;
                answer = http.get(path, bearer(fuzz.random().nextBoolean() ? token : api.admin()));
            } else {
                String method = fuzz.method();
                String path = fuzz.pick(List.of("api/time-entries", "api/projects", "api/metrics",
                        "api/webhooks/zoho", "api/cron/sync-entries", "api/admin/sync", "api/nothing-here",
                        "api/time-entries/" + UUID.randomUUID()));
                what = method + " " + path;
                answer = http.send(method, path, fuzz.random().nextBoolean() ? null
                        : fuzz.broken("{}"), bearer(token, "Accept", fuzz.pick(List.of("*/*", "application/json",
                        "text/html", "application/xml", "garbage", "application/json;q=x"))));
            }
            if (answer.status() >= 500) {
                failures.add(what + " -> " + answer);
            } else if (answer.status() == 400 && !String.valueOf(answer.header("Content-Type"))
                    .startsWith("application/problem+json") && !refusedByTheContainer(what, answer)) {
                failures.add(what + " -> 400 without a problem: " + answer.header("Content-Type"));
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Answer stored = api.http().get("api/time-entries?from=" + today.minusDays(10) + "&to=" + today.plusDays(1),
                bearer(token));
        assertThat(stored.status()).isEqualTo(200);
        Set<String> storedIds = stored.array().getValuesAs(JsonObject.class).stream().map(e -> e.getString("id"))
                .collect(Collectors.toSet());
        assertThat(accepted).as("some generated submits are valid").isNotEmpty();
        assertThat(storedIds).as("exactly the accepted submits are stored").isEqualTo(accepted);
    }

    @Test
    void storableStringsComeBackByteIdenticalFromRedisAndPostgresAndOthersAreRefused() throws SQLException {
        String token = api.worker(Api.BEN);
        String depot = api.projectId(token, "Depot flat roof");
        String notes = "tab\tnew\nline\r ünïcödé 屋根 \uD83D\uDEE0\uFE0F \u212A \u202Eltr \uFFFD \u2028 e\u0301 \u007F";
        UUID id = UUID.randomUUID();
        Answer created = api.submit(token, entryJson(id, depot, today(), 60, notes));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.entry(token, id.toString()).json().getString("notes")).isEqualTo(notes);
        assertThat(api.submit(token, entryJson(id, depot, today(), 60, notes)).status())
                .as("an exact retry is a repeat, not a conflict").isEqualTo(200);
        // The background drain after the submit may hold the entry's lease: sync until the row is there.
        long deadline = System.currentTimeMillis() + 20_000;
        do {
            assertThat(api.http().post("api/cron/sync-entries", null, bearer(AppSettingsFor.CRON_SECRET)).status())
                    .isEqualTo(200);
        } while (!rowExists(id) && System.currentTimeMillis() < deadline);
        assertThat(notesInPostgres(id)).isEqualTo(notes.getBytes(StandardCharsets.UTF_8));

        for (String escaped : new String[]{"a\\u0000b", "\\ud800", "x\\udc00", "\\u0007"}) {
            UUID refused = UUID.randomUUID();
            String body = "{\"id\":\"" + refused + "\",\"projectId\":\"" + depot + "\",\"workDate\":\"" + today()
                    + "\",\"minutes\":60,\"notes\":\"" + escaped + "\"}";
            Answer answer = api.submit(token, body);
            assertThat(answer.status()).as(escaped).isEqualTo(400);
            assertThat(answer.json().getString("field")).isEqualTo("notes");
            assertThat(api.entry(token, refused.toString()).status()).isEqualTo(404);
        }
    }

    /**
     * Corrections and voids under hostile input: garbage in If-Match, path ids and bodies (unknown and doubled
     * members, broken JSON, bodies over the limit). No answer is a 5xx, every refusal is a problem, and the entry
     * ends exactly as the last change answered 200 left it: nothing refused changed it.
     */
    @Test
    void correctionsUnderHostileInputNeverFailAndOnlyAcceptedChangesStick() {
        String token = api.worker(Api.BEN);
        String depot = api.projectId(token, "Depot flat roof");
        UUID id = UUID.randomUUID();
        assertThat(api.submit(token, entryJson(id, depot, today(), 60, "target")).status()).isEqualTo(201);
        Fuzz fuzz = new Fuzz(SEED + 2);
        // null: no If-Match at all; the valid tags let some changes through, so versions move on. Long values stay
        // at 2,000 characters: a 4,000-character If-Match is reset by the container's HTTP/2 layer before the app.
        List<String> ifMatches = java.util.Arrays.asList(null, "W/\"1\"", "\"1\"", "W/\"2\"", "\"3\"", "*", "1",
                "W/1", "\"\"", "W/\"\"", "\"-1\"", "\"0\"", "\"1\", \"2\"", "\"99999999999\"", "\"1", "w/\"1\"",
                "W/ \"1\"", "\"1.0\"", "\"0x1\"", "x".repeat(2000), "\"" + "9".repeat(1500) + "\"", "\"\\u0031\"",
                "%22%31%22");
        List<String> ids = List.of(id.toString(), id.toString().toUpperCase(java.util.Locale.ROOT),
                UUID.randomUUID().toString(), "123", "..", "x".repeat(300), "%00", "%E2%80%AE", "null");
        List<String> failures = new ArrayList<>();
        JsonObject lastAccepted = api.entry(token, id.toString()).json();
        for (int i = 0; i < 400; i++) {
            String path = "api/time-entries/" + (fuzz.random().nextInt(4) == 0 ? fuzz.pick(ids) : id.toString());
            String ifMatch = fuzz.pick(ifMatches);
            List<String> headers = new ArrayList<>(List.of(bearer(token, "Content-Type", fuzz.pick(List.of(
                    "application/json", "application/json; charset=utf-8", "text/plain", "*/*")))));
            if (ifMatch != null) {
                headers.addAll(List.of("If-Match", ifMatch));
            }
            String method = fuzz.random().nextInt(4) == 0 ? "DELETE" : "PUT";
            byte[] body = correctionBody(fuzz, depot, id);
            Answer answer = api.http().send(method, path, body, headers.toArray(String[]::new));
            String what = method + " " + path + " If-Match " + ifMatch + " "
                    + new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
            if (answer.status() >= 500) {
                failures.add(what + " -> " + answer);
            } else if (answer.status() >= 400 && !String.valueOf(answer.header("Content-Type"))
                    .startsWith("application/problem+json") && !refusedByTheContainer(what, answer)) {
                failures.add(what + " -> " + answer.status() + " without a problem: " + answer.header("Content-Type"));
            } else if (answer.status() == 200 && answer.json().getString("id").equals(id.toString())) {
                lastAccepted = answer.json();
            }
        }
        assertThat(failures).as("seed " + (SEED + 2)).isEmpty();
        JsonObject now = api.entry(token, id.toString()).json();
        assertThat(now.getInt("version")).as("some generated changes are valid").isGreaterThan(1);
        for (String field : List.of("version", "voided", "minutes", "notes", "workDate", "taskType", "updatedAt")) {
            assertThat(now.get(field)).as(field).isEqualTo(lastAccepted.get(field));
        }
    }

    /** A correction body: close to valid (its id the entry's when it has one), broken, or over the size limit. */
    private static byte[] correctionBody(Fuzz fuzz, String project, UUID id) {
        String near = fuzz.entryBody(project, LocalDate.now(ZoneOffset.UTC).minusDays(fuzz.random().nextInt(10))
                .toString()).replaceFirst("\"id\":\"[0-9a-f-]{36}\"", "\"id\":\"" + id + "\"");
        return switch (fuzz.random().nextInt(6)) {
            case 0 -> fuzz.broken(near);
            case 1 -> ("{\"notes\":\"" + "x".repeat(17 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 2 -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            default -> near.getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void randomMethodsDoNotAddMetricSeries() {
        String token = api.worker(Api.ANA);
        // One unknown method first: it may add the single "other" series.
        api.http().send("FOOBAR", "api/projects", null, bearer(token));
        long before = requestSeries();
        Fuzz fuzz = new Fuzz(SEED + 1);
        int sent = 0;
        while (sent < 1_000) {
            String method = fuzz.method();
            if (method.length() < 5 || Set.of("PATCH", "DELETE", "OPTIONS", "CONNECT").contains(method)) {
                continue;
            }
            assertThat(api.http().send(method, "api/projects", null, bearer(token)).status()).isLessThan(500);
            sent++;
        }
        assertThat(requestSeries()).isEqualTo(before);
    }

    /**
     * Payara's HTTP layer refuses a URL holding an encoded NUL with a bare 400 before any application code
     * runs; no WAR can answer that one with a problem.
     */
    private static boolean refusedByTheContainer(String what, Answer answer) {
        return what.contains("%00") && answer.header("Content-Type") == null;
    }

    private long requestSeries() {
        return api.http().get("api/metrics").body().lines()
                .filter(l -> l.startsWith("roofworx_http_request_duration_seconds_count")).count();
    }

    private static boolean rowExists(UUID id) throws SQLException {
        try (Connection c = services.postgres().getPostgresDatabase().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT 1 FROM roofworx.time_entry WHERE id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static byte[] notesInPostgres(UUID id) throws SQLException {
        try (Connection c = services.postgres().getPostgresDatabase().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT notes FROM roofworx.time_entry WHERE id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("row for " + id).isTrue();
                return rs.getString(1).getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
