package com.roofworx.app;

import com.roofworx.app.interfaces.EntryRequest;
import com.roofworx.app.interfaces.ZohoNotification;
import com.roofworx.app.support.Api;
import com.roofworx.app.support.AppSettingsFor;
import com.roofworx.app.support.BackingServices;
import com.roofworx.app.support.Deployments;
import com.roofworx.app.support.DevTokens;
import com.roofworx.app.support.Http.Answer;
import com.roofworx.app.support.OpenApiDocument;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.roofworx.app.support.Api.ANA;
import static com.roofworx.app.support.Api.BEN;
import static com.roofworx.app.support.Api.bearer;
import static com.roofworx.app.support.Api.entryJson;
import static com.roofworx.app.support.Api.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API on a managed Payara Micro, over HTTP: every endpoint and error code, isolation between users,
 * and the cron and webhook secrets. One deployment for the whole class: each Payara start costs seconds.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoofworxApiIT {
    private static final String MAPLE = "Maple St re-roof";
    private static final String SCHOOL = "Lincoln School gutters";
    private static final String DEPOT = "Depot flat roof";
    private static final int LIST_LIMIT = 5;

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
        // Small enough to be reached by a test; the submit rate keeps its default (5/s, burst 50).
        settings.put("roofworx.api.list-limit", String.valueOf(LIST_LIMIT));
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
    void projectsListOnlyWhatTheCallerMayBookTo() {
        Answer ana = api.projects(api.worker(ANA));
        assertThat(ana.status()).isEqualTo(200);
        assertThat(ana.array().getValuesAs(JsonObject.class)).extracting(p -> p.getString("name"))
                .containsExactly(SCHOOL, MAPLE);
        JsonObject first = ana.array().getJsonObject(0);
        assertThat(first.keySet()).containsExactly("id", "name", "account", "address", "status");
        assertThat(api.projects(api.worker(BEN)).array().getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("name")).containsExactly(DEPOT, MAPLE);
        assertThat(ana.header("Server-Timing")).matches("app;dur=\\d+\\.\\d{2}");
    }

    @Test
    void requestsWithoutAValidTokenAre401() {
        assertProblem(api.http().get("api/projects"), 401, null);
        assertThat(api.http().get("api/projects", bearer("not-a-jwt")).status()).isEqualTo(401);
        assertThat(api.http().get("api/projects", bearer(tokens.tokenFromIssuer("https://evil.example", ANA,
                "worker"))).status()).isEqualTo(401);
        assertThat(api.http().get("api/projects", bearer(new DevTokens().token(ANA, Duration.ofMinutes(5),
                "worker"))).status()).as("signed with another key").isEqualTo(401);
        Answer noEmail = api.projects(tokens.token(null, Duration.ofMinutes(5), "worker"));
        assertThat(noEmail.status()).isEqualTo(401);
        assertThat(noEmail.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.projects(tokens.token(ANA, Duration.ofMinutes(5), "guest")).status())
                .as("no worker or admin role").isEqualTo(403);
    }

    @Test
    void submitStoresOnceAndRepeatsAnswerTheStoredEntry() {
        String token = api.worker(ANA);
        String maple = api.projectId(token, MAPLE);
        UUID id = UUID.randomUUID();
        String body = entryJson(id, maple, today(), 90, "tear-off, north side");

        Answer created = api.submit(token, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/time-entries/" + id);
        JsonObject entry = created.json();
        assertThat(entry.keySet()).containsExactly("id", "projectId", "workDate", "minutes", "notes", "taskType",
                "createdAt", "updatedAt", "version", "voided", "sync");
        assertThat(entry.getInt("version")).isEqualTo(1);
        assertThat(entry.getBoolean("voided")).isFalse();
        assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(entry.getString("id")).isEqualTo(id.toString());
        assertThat(entry.getInt("minutes")).isEqualTo(90);
        assertThat(entry.getJsonObject("sync").getString("warm")).isIn("PENDING", "SYNCED");

        Answer repeat = api.submit(token, body);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().getString("createdAt")).isEqualTo(entry.getString("createdAt"));

        Answer conflict = api.submit(token, entryJson(id, maple, today(), 91, "tear-off, north side"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().getString("field")).isEqualTo("id");

        Answer fetched = api.entry(token, id.toString());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().getInt("minutes")).isEqualTo(90);
    }

    @Test
    void onlyTheApisOwnResourcesArePublished() {
        String token = api.worker(ANA);
        // The Zoho adapter's REST client interfaces carry @Path too; they must not become endpoints.
        assertThat(api.http().get("api/crm/v8/users", bearer(token)).status()).isEqualTo(404);
        assertThat(api.http().get("api/crm/v8/Deals", bearer(token)).status()).isEqualTo(404);
    }

    @Test
    void submitWithoutIdGetsOne() {
        String token = api.worker(ANA);
        String body = "{\"projectId\":\"" + api.projectId(token, SCHOOL) + "\",\"workDate\":\"" + today()
                + "\",\"minutes\":30}";
        Answer created = api.submit(token, body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().getString("id")).hasSize(36);
        assertThat(created.json().isNull("notes")).isTrue();
    }

    @Test
    void invalidBodiesAre400NamingTheField() {
        String token = api.worker(ANA);
        String maple = api.projectId(token, MAPLE);
        String prefix = "{\"projectId\":\"" + maple + "\",\"workDate\":\"" + today() + "\",";
        assertProblem(api.submit(token, prefix + "\"minutes\":\"60\"}"), 400, "minutes");
        assertProblem(api.submit(token, prefix + "\"minutes\":60.5}"), 400, "minutes");
        assertProblem(api.submit(token, prefix + "\"minutes\":0}"), 400, "minutes");
        assertProblem(api.submit(token, prefix + "\"minutes\":99999999999}"), 400, "minutes");
        assertProblem(api.submit(token, prefix + "\"minutes\":60,\"extra\":1}"), 400, "extra");
        assertProblem(api.submit(token, prefix + "\"minutes\":{\"a\":1}}"), 400, "minutes");
        assertProblem(api.submit(token, prefix + "\"minutes\":60,\"notes\":7}"), 400, "notes");
        assertProblem(api.submit(token, "{\"projectId\":\"" + maple + "\",\"workDate\":\"2026-02-30\","
                + "\"minutes\":60}"), 400, "workDate");
        assertProblem(api.submit(token, "{\"projectId\":\"" + maple + "\",\"workDate\":\"" + today()
                + "\",\"minutes\":60,\"id\":\"123\"}"), 400, "id");
        assertProblem(api.submit(token, "[1,2,3]"), 400, "body");
        assertProblem(api.submit(token, "{\"minutes\": 60"), 400, "body");
        assertProblem(api.submit(token, "[".repeat(5000) + "]".repeat(5000)), 400, "body");
        assertProblem(api.submit(token, "{\"notes\":\"" + "x".repeat(17 * 1024) + "\"}"), 413, null);
        Answer notJson = api.http().post("api/time-entries", "minutes=60",
                bearer(token, "Content-Type", "text/plain"));
        assertThat(notJson.status()).isEqualTo(415);
    }

    @Test
    void aProjectTheCallerIsNotAssignedToIs403() {
        String depot = api.projectId(api.worker(BEN), DEPOT);
        Answer answer = api.submit(api.worker(ANA), entryJson(UUID.randomUUID(), depot, today(), 60, null));
        assertProblem(answer, 403, "projectId");
    }

    @Test
    void usersCanNeitherListNorFetchNorOverwriteEachOthersEntries() {
        String ana = api.worker(ANA);
        String ben = api.worker(BEN);
        String maple = api.projectId(ana, MAPLE);
        UUID id = UUID.randomUUID();
        assertThat(api.submit(ana, entryJson(id, maple, today(), 45, "ana's")).status()).isEqualTo(201);

        assertThat(api.entry(ben, id.toString()).status()).isEqualTo(404);
        assertThat(api.entry(ana, UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(api.http().get("api/time-entries", bearer(ben)).array().getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("id")).doesNotContain(id.toString());

        Answer overwrite = api.submit(ben, entryJson(id, maple, today(), 480, "ben's"));
        assertThat(overwrite.status()).isIn(201, 409);
        JsonObject anas = api.entry(ana, id.toString()).json();
        assertThat(anas.getInt("minutes")).isEqualTo(45);
        assertThat(anas.getString("notes")).isEqualTo("ana's");
    }

    @Test
    void listsAreNewestFirstWithinTheRange() {
        String token = api.worker(BEN);
        String depot = api.projectId(token, DEPOT);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int daysAgo : new int[]{3, 1, 2}) {
            assertThat(api.submit(token, entryJson(UUID.randomUUID(), depot, today.minusDays(daysAgo).toString(),
                    60, "day -" + daysAgo)).status()).isEqualTo(201);
        }
        Answer list = api.http().get("api/time-entries?from=" + today.minusDays(3) + "&to=" + today.minusDays(1),
                bearer(token));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.array().getValuesAs(JsonObject.class)).extracting(e -> e.getString("workDate"))
                .containsExactly(today.minusDays(1).toString(), today.minusDays(2).toString(),
                        today.minusDays(3).toString());
        assertProblem(api.http().get("api/time-entries?from=2024-01-01&to=2025-06-01", bearer(token)), 400, "to");
        assertProblem(api.http().get("api/time-entries?from=yesterday", bearer(token)), 400, "from");
        assertProblem(api.http().get("api/time-entries?from=2025-06-02&to=2025-06-01", bearer(token)), 400, "from");
    }

    @Test
    void cronJobsNeedTheCronSecretOrAnAdminToken() {
        for (String job : new String[]{"api/cron/sync-projects", "api/cron/sync-entries"}) {
            assertThat(api.http().post(job, null).status()).isEqualTo(401);
            assertThat(api.http().post(job, null, bearer("wrong-secret")).status()).isEqualTo(401);
            assertThat(api.http().post(job, null, bearer(api.worker(ANA))).status()).isEqualTo(401);
            Answer bySecret = api.http().post(job, null, bearer(AppSettingsFor.CRON_SECRET));
            assertThat(bySecret.status()).as(bySecret.body()).isEqualTo(200);
            assertThat(api.http().get(job, bearer(AppSettingsFor.CRON_SECRET)).status()).isEqualTo(200);
            assertThat(api.http().post(job, null, bearer(api.admin())).status()).isEqualTo(200);
        }
        JsonObject projects = api.http().post("api/cron/sync-projects", null, bearer(AppSettingsFor.CRON_SECRET))
                .json();
        assertThat(projects.getInt("projects")).isGreaterThanOrEqualTo(3);
        JsonObject entries = api.http().post("api/cron/sync-entries", null, bearer(AppSettingsFor.CRON_SECRET))
                .json();
        assertThat(entries.getInt("queued")).isZero();
    }

    @Test
    void theZohoWebhookNeedsTheSecretHeaderOrTheChannelToken() {
        String maple = api.projectId(api.worker(ANA), MAPLE);
        String json = "{\"module\":\"Deals\",\"ids\":[\"" + maple + "\"],\"operation\":\"update\"}";
        assertThat(api.http().post("api/webhooks/zoho", json, "Content-Type", "application/json").status())
                .isEqualTo(401);
        assertThat(api.http().post("api/webhooks/zoho", json, "Content-Type", "application/json",
                "x-roofworx-secret", "wrong").status()).isEqualTo(401);
        Answer byHeader = api.http().post("api/webhooks/zoho", json, "Content-Type", "application/json",
                "x-roofworx-secret", AppSettingsFor.WEBHOOK_SECRET);
        assertThat(byHeader.status()).as(byHeader.body()).isEqualTo(200);
        assertThat(byHeader.json().getJsonArray("refreshed").getString(0)).isEqualTo(maple);
        String callback = "{\"module\":\"Deals\",\"ids\":[\"" + maple + "\"],\"token\":\""
                + AppSettingsFor.CHANNEL_TOKEN + "\",\"channel_id\":\"1000\"}";
        assertThat(api.http().post("api/webhooks/zoho", callback, "Content-Type", "application/json").status())
                .isEqualTo(200);
        assertThat(api.http().post("api/webhooks/zoho", callback.replace(AppSettingsFor.CHANNEL_TOKEN, "nope"),
                "Content-Type", "application/json").status()).isEqualTo(401);
    }

    @Test
    void adminSyncViewsAreForAdminsOnly() {
        assertThat(api.http().get("api/admin/sync", bearer(api.worker(ANA))).status()).isEqualTo(403);
        assertThat(api.http().get("api/admin/sync").status()).isEqualTo(401);
        Answer overview = api.http().get("api/admin/sync", bearer(api.admin()));
        assertThat(overview.status()).as(overview.body()).isEqualTo(200);
        assertThat(overview.json().keySet()).contains("queued", "blocked", "blockedEntries");
        Answer replay = api.http().post("api/admin/sync/blocked/" + UUID.randomUUID() + "/replay", null,
                bearer(api.admin()));
        assertProblem(replay, 404, null);
        assertThat(api.http().post("api/admin/sync/blocked/" + UUID.randomUUID() + "/replay", null,
                bearer(api.worker(ANA))).status()).isEqualTo(403);
    }

    @Test
    void operationsEndpointsAnswer() {
        assertThat(api.projects(api.worker(ANA)).status()).isEqualTo(200);
        Answer metrics = api.http().get("api/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body()).contains("roofworx_sync_queue_depth", "roofworx_sync_blocked",
                "roofworx_project_cache_hit_ratio", "roofworx_project_cache_requests_total{result=",
                "roofworx_http_request_duration_seconds_bucket{method=\"GET\",resource=\"ProjectsResource.list\"");
        Answer ready = api.http().get("/health/ready");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("redis", "postgresql", "zoho");
        assertThat(api.http().get("/health/live").status()).isEqualTo(200);
        Answer openapi = api.http().get("/openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/time-entries", "/api/cron/sync-entries", "/api/webhooks/zoho",
                "/api/admin/sync", "Roofworx-Partial", "Roofworx-Truncated");
        assertProblem(api.http().get("api/no-such-thing", bearer(api.worker(ANA))), 404, null);
    }

    @Test
    void openApiShowsEachRequestBodyWithExactlyTheMembersItsParserReads() {
        Answer answer = api.http().get("/openapi", "Accept", "application/json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        OpenApiDocument document = new OpenApiDocument(answer.json());

        // Every operation taking a body is listed here, so a new one fails this test until it is described.
        Map<String, Set<String>> parsers = Map.of(
                "POST /api/time-entries", EntryRequest.FIELDS,
                "PUT /api/time-entries/{id}", EntryRequest.FIELDS,
                "POST /api/webhooks/zoho", ZohoNotification.MEMBERS);
        assertThat(document.propertiesByOperation()).containsOnlyKeys(parsers.keySet());
        for (OpenApiDocument.BodyContent body : document.requestBodies()) {
            assertThat(body.properties()).as(body.operation() + " " + body.mediaType())
                    .containsExactlyInAnyOrderElementsOf(parsers.get(body.operation()));
            assertThat(body.examples()).as(body.operation() + " " + body.mediaType() + " examples").isNotEmpty();
        }
        // The documented example is a body the strict parser accepts.
        OpenApiDocument.BodyContent entry = document.requestBodies().stream()
                .filter(b -> b.operation().equals("POST /api/time-entries")).findFirst().orElseThrow();
        for (String example : entry.examples()) {
            assertThat(EntryRequest.parse(example.getBytes(StandardCharsets.UTF_8)).minutes()).isPositive();
        }
    }

    @Test
    void submitsAreLimitedPerUserWithRetryAfter() {
        String token = api.worker("busy.phone@example.com");
        int firstRefused = -1;
        for (int i = 0; i < 400 && firstRefused < 0; i++) {
            Answer a = api.submit(token, "{}");
            if (a.status() == 429) {
                firstRefused = i;
                assertProblem(a, 429, null);
                assertThat(Long.parseLong(a.header("Retry-After"))).isPositive();
            } else {
                assertProblem(a, 400, "minutes");
            }
        }
        assertThat(firstRefused).as("the burst of 50 is never refused, and 400 quick submits exceed 5/s")
                .isBetween(50, 399);
        assertProblem(api.submit(api.worker(BEN), "{}"), 400, "minutes");
    }

    @Test
    void listsAreCappedAndSayWhenTheyAre() {
        String token = api.worker(ANA);
        String school = api.projectId(token, SCHOOL);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        for (int i = 0; i < LIST_LIMIT + 1; i++) {
            assertThat(api.submit(token, entryJson(UUID.randomUUID(), school, day.toString(), 10 + i, null))
                    .status()).isEqualTo(201);
        }
        Answer capped = api.http().get("api/time-entries?from=" + day + "&to=" + day, bearer(token));
        assertThat(capped.array()).hasSize(LIST_LIMIT);
        assertThat(capped.header("Roofworx-Truncated")).isEqualTo("true");
        assertThat(capped.header("Roofworx-Partial")).isNull();
        Answer all = api.http().get("api/time-entries?from=" + day.minusDays(1) + "&to=" + day.minusDays(1),
                bearer(token));
        assertThat(all.header("Roofworx-Truncated")).isNull();
    }

    @Test
    void aTokenIsRefusedBeforeItsNotBeforeTime() {
        long now = java.time.Instant.now().getEpochSecond();
        Answer early = api.projects(tokens.tokenWith(ANA, Map.of("nbf", Json.createValue(now + 3600)), "worker"));
        assertProblem(early, 401, null);
        assertThat(api.projects(tokens.tokenWith(ANA, Map.of("nbf", Json.createValue(now - 5)), "worker"))
                .status()).isEqualTo(200);
    }

    @Test
    void anUnverifiedEmailIsForbidden() {
        assertProblem(api.projects(tokens.tokenWith(ANA, Map.of("email_verified", JsonValue.FALSE), "worker")),
                403, null);
        assertThat(api.projects(tokens.tokenWith(ANA, Map.of("email_verified", JsonValue.TRUE), "worker"))
                .status()).isEqualTo(200);
    }

    @Test
    void theKelvinSignIsNotTheLetterK() {
        var kate = services.zoho().addUser("kate.kim@example.com", "Kate Kim");
        services.zoho().assign(api.projectId(api.worker(ANA), MAPLE), kate.id());
        assertThat(api.http().post("api/cron/sync-projects", null, bearer(AppSettingsFor.CRON_SECRET)).status())
                .isEqualTo(200);
        Answer asKate = api.projects(api.worker("KATE.KIM@Example.com"));
        assertThat(asKate.status()).isEqualTo(200);
        assertThat(asKate.array().getValuesAs(JsonObject.class)).extracting(p -> p.getString("name"))
                .containsExactly(MAPLE);
        // U+212A KELVIN SIGN lower-cases to "k" in Unicode: the look-alike must not become Kate.
        Answer lookAlike = api.projects(api.worker("\u212Aate.kim@example.com"));
        assertProblem(lookAlike, 403, null);
    }

    private static void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = answer.json();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).startsWith("urn:roofworx:problem:");
        if (field != null) {
            assertThat(problem.getString("field")).isEqualTo(field);
        }
    }
}
