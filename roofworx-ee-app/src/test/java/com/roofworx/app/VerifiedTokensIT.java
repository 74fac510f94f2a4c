package com.roofworx.app;

import com.roofworx.app.support.Api;
import com.roofworx.app.support.AppSettingsFor;
import com.roofworx.app.support.BackingServices;
import com.roofworx.app.support.Deployments;
import com.roofworx.app.support.DevTokens;
import com.roofworx.app.support.Http.Answer;
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

import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.roofworx.app.support.Api.ANA;
import static com.roofworx.app.support.Api.BEN;
import static com.roofworx.app.support.Api.bearer;
import static com.roofworx.app.support.Api.entryJson;
import static com.roofworx.app.support.Api.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bearer token reused while the app keeps it as verified (default settings: five minutes, 10,000 tokens): the
 * same caller and roles every time, the identity rules applied every time, nothing else let in on its strength,
 * and no use after its expiry. The cache's own hits and misses, from {@code /api/metrics}, show that the reuses
 * took the cached path.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VerifiedTokensIT {
    private static final String MAPLE = "Maple St re-roof";
    private static final Pattern COUNT = Pattern.compile(
            "^roofworx_auth_token_cache_requests_total\\{result=\"(hit|miss)\"} (\\d+)$", Pattern.MULTILINE);

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
        settings.put("roofworx.api.submit-rate", "0");
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
    void aTokenUsedAgainActsForTheSameCallerWithTheSameRoles() {
        String ana = api.worker(ANA);
        Counts before = counts();
        Answer first = api.projects(ana);
        Answer second = api.projects(ana);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        Counts after = counts();
        assertThat(after.misses - before.misses).as("verified by the container once").isEqualTo(1);
        assertThat(after.hits - before.hits).as("then reused").isEqualTo(1);

        // The cached login writes as Ana: her entry, not Ben's.
        UUID id = UUID.randomUUID();
        String maple = api.projectId(ana, MAPLE);
        assertThat(api.submit(ana, entryJson(id, maple, today(), 60, "cached token")).status()).isEqualTo(201);
        assertThat(api.entry(ana, id.toString()).status()).isEqualTo(200);
        assertThat(api.entry(api.worker(ANA), id.toString()).status()).as("a fresh token of Ana's").isEqualTo(200);
        assertThat(api.entry(api.worker(BEN), id.toString()).status()).isEqualTo(404);
        assertThat(counts().hits - after.hits).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aWorkersCachedTokenNeverOpensWhatOnlyAnAdminMay() {
        String worker = api.worker(ANA);
        for (int i = 0; i < 3; i++) {
            assertThat(api.http().get("api/admin/sync", bearer(worker)).status()).as("use " + i).isEqualTo(403);
            assertThat(api.projects(worker).status()).isEqualTo(200);
            assertThat(api.http().post("api/cron/sync-entries", null, bearer(worker)).status()).isEqualTo(401);
        }
        String admin = api.admin();
        for (int i = 0; i < 2; i++) {
            Answer overview = api.http().get("api/admin/sync", bearer(admin));
            assertThat(overview.status()).as(overview.body()).isEqualTo(200);
        }
        assertThat(api.http().get("api/admin/sync", bearer(worker)).status()).as("after the admin's, still")
                .isEqualTo(403);
    }

    @Test
    void theIdentityRulesApplyToEveryUseOfACachedToken() {
        String unverified = tokens.tokenWith(ANA, Map.of("email_verified", JsonValue.FALSE), "worker");
        long now = java.time.Instant.now().getEpochSecond();
        String early = tokens.tokenWith(ANA, Map.of("nbf", Json.createValue(now + 3600)), "worker");
        Counts before = counts();
        for (int i = 0; i < 3; i++) {
            assertThat(api.projects(unverified).status()).as("use " + i).isEqualTo(403);
            assertThat(api.projects(early).status()).as("use " + i).isEqualTo(401);
        }
        assertThat(counts().hits - before.hits).as("both were reused from the cache, and refused each time")
                .isEqualTo(4);
    }

    @Test
    void anAlteredTokenIsRefusedWhileTheOriginalIsCached() {
        String token = api.worker(ANA);
        assertThat(api.projects(token).status()).isEqualTo(200);
        assertThat(api.projects(token).status()).isEqualTo(200);

        String[] parts = token.split("\\.");
        String adminPayload = encode(decode(parts[1]).replace("\"groups\":[\"worker\"]", "\"groups\":[\"admin\"]"));
        assertThat(adminPayload).isNotEqualTo(parts[1]);
        String[] altered = {
                parts[0] + "." + adminPayload + "." + parts[2],
                parts[0] + "." + parts[1] + "." + flipLast(parts[2]),
                token + "A",
                token.substring(0, token.length() - 1),
        };
        for (String bad : altered) {
            assertThat(api.projects(bad).status()).isEqualTo(401);
            assertThat(api.http().get("api/admin/sync", bearer(bad)).status()).isEqualTo(401);
        }
        assertThat(api.projects(token).status()).as("the original still works").isEqualTo(200);
    }

    @Test
    void aCachedTokenIsRefusedFromItsExpiryOn() throws InterruptedException {
        String token = tokens.token(ANA, Duration.ofSeconds(5), "worker");
        long expMillis = claims(token).getJsonNumber("exp").longValue() * 1000;
        Counts before = counts();
        assertThat(api.projects(token).status()).isEqualTo(200);
        assertThat(api.projects(token).status()).isEqualTo(200);
        assertThat(counts().hits - before.hits).as("cached before its expiry").isEqualTo(1);

        waitForTheClockToPass(expMillis);
        Answer expired = api.projects(token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(api.projects(token).status()).as("and stays refused").isEqualTo(401);
    }

    /** Waits until this machine's clock (the server's too) reads {@code millis} or later. */
    private static void waitForTheClockToPass(long millis) throws InterruptedException {
        for (long left = millis - System.currentTimeMillis(); left > 0; left = millis - System.currentTimeMillis()) {
            Thread.sleep(left);
        }
    }

    private record Counts(long hits, long misses) {
    }

    private Counts counts() {
        Answer metrics = api.http().get("api/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        long hits = 0;
        long misses = 0;
        Matcher m = COUNT.matcher(metrics.body());
        while (m.find()) {
            if (m.group(1).equals("hit")) {
                hits = Long.parseLong(m.group(2));
            } else {
                misses = Long.parseLong(m.group(2));
            }
        }
        return new Counts(hits, misses);
    }

    private static JsonObject claims(String token) {
        try (var reader = Json.createReader(new StringReader(decode(token.split("\\.")[1])))) {
            return reader.readObject();
        }
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The signature with its last character changed to another base64url character. */
    private static String flipLast(String signature) {
        char last = signature.charAt(signature.length() - 1);
        return signature.substring(0, signature.length() - 1) + (last == 'A' ? 'Q' : 'A');
    }
}
