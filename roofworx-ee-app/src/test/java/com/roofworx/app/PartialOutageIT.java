package com.roofworx.app;

import com.roofworx.app.support.Api;
import com.roofworx.app.support.AppSettingsFor;
import com.roofworx.app.support.BackingServices;
import com.roofworx.app.support.Deployments;
import com.roofworx.app.support.DevTokens;
import com.roofworx.app.support.Http.Answer;
import com.roofworx.app.support.ZohoFrontDoor;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static com.roofworx.app.support.Api.ANA;
import static com.roofworx.app.support.Api.bearer;
import static com.roofworx.app.support.Api.entryJson;
import static com.roofworx.app.support.Api.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness and reads as the backing services fail one after another, in order: Zoho's token endpoint
 * refuses (429, then 503), then PostgreSQL stops, then Redis stops too. The instance stays ready while Redis
 * or PostgreSQL can take a submit, every health check answers within 1 s, and reads degrade fast and say so.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartialOutageIT {
    /** The health requirement: an answer within 1 s with a backing service dead. */
    private static final Duration HEALTH_LIMIT = Duration.ofSeconds(1);

    static BackingServices services;
    static ZohoFrontDoor zoho;
    static DevTokens tokens;

    @ArquillianResource
    URL base;

    Api api;

    @Deployment
    static WebArchive deployment() {
        services = BackingServices.start();
        zoho = ZohoFrontDoor.to(services.zoho().baseUrl());
        tokens = new DevTokens();
        Map<String, String> settings = AppSettingsFor.of(services, tokens);
        settings.put("roofworx.zoho.base-url", zoho.baseUrl());
        return Deployments.builtWar(settings);
    }

    @AfterAll
    static void stopServices() {
        if (zoho != null) {
            zoho.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @BeforeEach
    void client() throws Exception {
        api = new Api(base.toURI(), tokens);
    }

    @Test
    @Order(1)
    void zohosTokenEndpointAnswering429Or503LeavesTheInstanceReady() {
        assertThat(api.projects(api.worker(ANA)).status()).isEqualTo(200);
        for (int status : new int[]{429, 503}) {
            int before = zoho.tokenFailuresSent();
            zoho.failTokenRequests(1_000, status);
            services.zoho().expireTokens();
            Answer reload = api.http().post("api/cron/sync-projects", null, bearer(AppSettingsFor.CRON_SECRET));
            assertThat(reload.status()).as(reload.body()).isEqualTo(503);
            assertThat(reload.header("Retry-After")).isNotNull();
            assertThat(zoho.tokenFailuresSent()).as("the token endpoint was asked").isGreaterThan(before);

            JsonObject check = readiness(200);
            assertThat(check.getString("status")).isEqualTo("UP");
            JsonObject data = check.getJsonArray("checks").getJsonObject(0).getJsonObject("data");
            assertThat(data.getString("zoho")).isEqualTo("DEGRADED");
            assertThat(data.getString("redis")).isEqualTo("UP");
            assertThat(data.getString("postgresql")).isEqualTo("UP");
            assertThat(check.toString()).doesNotContain("1000.", "127.0.0.1", "token refresh", "\"postgres\"",
                    "Exception");
            zoho.failTokenRequests(0, status);
        }
    }

    @Test
    @Order(2)
    void withPostgresStoppedTheInstanceStaysReadyAndReadsAreFastPartialOr503() {
        String token = api.worker(ANA);
        String maple = api.projectId(token, "Maple St re-roof");
        UUID before = UUID.randomUUID();
        assertThat(api.submit(token, entryJson(before, maple, today(), 30, "before the outage")).status())
                .isEqualTo(201);
        services.stopPostgres();

        for (int i = 0; i < 5; i++) {
            JsonObject check = timed(() -> readiness(200));
            JsonObject data = check.getJsonArray("checks").getJsonObject(0).getJsonObject("data");
            assertThat(data.getString("postgresql")).isEqualTo("DOWN");
            assertThat(data.getString("redis")).isEqualTo("UP");
            assertThat(check.toString()).doesNotContain("Connection", "refused", "localhost", "127.0.0.1");
            assertThat(timed(() -> api.http().get("/health/live")).status()).isEqualTo(200);
        }

        UUID during = UUID.randomUUID();
        assertThat(api.submit(token, entryJson(during, maple, today(), 45, "during the outage")).status())
                .as("Redis takes the submit").isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            Answer recent = timed(() -> api.http().get("api/time-entries", bearer(token)));
            assertThat(recent.status()).as(recent.body()).isEqualTo(200);
            assertThat(recent.header("Roofworx-Partial")).isEqualTo("warm");
            assertThat(recent.array().getValuesAs(JsonObject.class)).extracting(e -> e.getString("id"))
                    .contains(before.toString(), during.toString());
        }
        LocalDate old = LocalDate.now(ZoneOffset.UTC).minusDays(200);
        Answer older = timed(() -> api.http().get("api/time-entries?from=" + old + "&to=" + old.plusDays(7),
                bearer(token)));
        assertThat(older.status()).as(older.body()).isEqualTo(503);
        assertThat(older.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(older.header("Retry-After"))).isPositive();
        assertThat(api.entry(token, during.toString()).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void withRedisStoppedTooTheInstanceIsNotReadyAndSubmitsAre503() {
        String token = api.worker(ANA);
        String maple = api.projectId(token, "Maple St re-roof");
        services.stopRedis();
        JsonObject check = timed(() -> readiness(503));
        assertThat(check.getString("status")).isEqualTo("DOWN");
        JsonObject data = check.getJsonArray("checks").getJsonObject(0).getJsonObject("data");
        assertThat(data.getString("redis")).isEqualTo("DOWN");
        assertThat(data.getString("postgresql")).isEqualTo("DOWN");
        assertThat(timed(() -> api.http().get("/health/live")).status()).as("liveness never asks a service")
                .isEqualTo(200);
        Answer submit = timed(() -> api.submit(token, entryJson(UUID.randomUUID(), maple, today(), 30, null)));
        assertThat(submit.status()).as(submit.body()).isEqualTo(503);
        assertThat(submit.header("Retry-After")).isNotNull();
    }

    private JsonObject readiness(int expectedStatus) {
        Answer ready = api.http().get("/health/ready");
        assertThat(ready.status()).as(ready.body()).isEqualTo(expectedStatus);
        return ready.json();
    }

    /** Runs a call that must answer within the health requirement's 1 s. */
    private static <T> T timed(Supplier<T> call) {
        long began = System.nanoTime();
        T result = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("answered within 1 s").isLessThan(HEALTH_LIMIT);
        return result;
    }
}
