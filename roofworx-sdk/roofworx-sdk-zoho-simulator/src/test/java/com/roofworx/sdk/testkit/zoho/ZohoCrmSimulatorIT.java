package com.roofworx.sdk.testkit.zoho;

import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.zoho.SimulatorClient.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulator speaks Zoho CRM v8 as the adapter relies on it: tokens, reads, pagination, upserts, faults. */
class ZohoCrmSimulatorIT {
    private final TestClock clock = new TestClock();
    private final ZohoCrmSimulator simulator = ZohoCrmSimulator.start(clock);
    private final SimulatorClient client = new SimulatorClient(simulator);

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void mintsAnHourLongTokenNamingItselfAsApiDomain() throws Exception {
        Reply reply = client.token(ZohoCrmSimulator.REFRESH_TOKEN);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().getJsonNumber("expires_in").longValue()).isEqualTo(3600);
        assertThat(reply.body().getString("api_domain")).isEqualTo(simulator.baseUrl());
        assertThat(simulator.counters().tokensMinted()).isEqualTo(1);
    }

    @Test
    void anUnknownRefreshTokenAnswersInvalidCodeWithHttp200() throws Exception {
        Reply reply = client.token("1000.unknown");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().getString("error")).isEqualTo("invalid_code");
        assertThat(reply.body().containsKey("access_token")).isFalse();
    }

    @Test
    void refusesAnEleventhTokenInTenMinutes() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(client.token(ZohoCrmSimulator.REFRESH_TOKEN).body().containsKey("access_token")).isTrue();
        }
        Reply refused = client.token(ZohoCrmSimulator.REFRESH_TOKEN);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().getString("error")).isEqualTo("Access Denied");

        clock.advance(Duration.ofMinutes(10));
        assertThat(client.token(ZohoCrmSimulator.REFRESH_TOKEN).body().containsKey("access_token")).isTrue();
    }

    @Test
    void tokensExpireAfterAnHourAndCallsWithoutOneFail() throws Exception {
        String token = client.accessToken();
        simulator.addDeal("Maple", "Closed Won", null, null);
        assertThat(client.get(token, "/crm/v8/Deals?fields=Deal_Name").status()).isEqualTo(200);
        assertThat(client.get(null, "/crm/v8/Deals?fields=Deal_Name").body().getString("code"))
                .isEqualTo("AUTHENTICATION_FAILURE");

        clock.advance(Duration.ofHours(1));
        Reply expired = client.get(token, "/crm/v8/Deals?fields=Deal_Name");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().getString("code")).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void recordsNeedFieldsAndAnswerOnlyThoseFields() throws Exception {
        String token = client.accessToken();
        String id = simulator.addDeal("Maple", "Closed Won", "Hendricks", "12 Maple St");
        assertThat(client.get(token, "/crm/v8/Deals").body().getString("code")).isEqualTo("REQUIRED_PARAM_MISSING");

        JsonObject deal = client.get(token, "/crm/v8/Deals?fields=Deal_Name,Account_Name")
                .body().getJsonArray("data").getJsonObject(0);
        assertThat(deal.getString("id")).isEqualTo(id);
        assertThat(deal.getString("Deal_Name")).isEqualTo("Maple");
        assertThat(deal.getJsonObject("Account_Name").getString("name")).isEqualTo("Hendricks");
        assertThat(deal.containsKey("Stage")).isFalse();
        assertThat(client.get(token, "/crm/v8/Deals?fields=Deal_Name&ids=1").status()).isEqualTo(204);
    }

    @Test
    void pagesByNumberUpTo2000RecordsThenByToken() throws Exception {
        for (int i = 0; i < 2100; i++) {
            simulator.addDeal("Deal " + i, "Closed Won", null, null);
        }
        String token = client.accessToken();
        JsonObject tenth = client.get(token, "/crm/v8/Deals?fields=Deal_Name&per_page=200&page=10").body();
        assertThat(tenth.getJsonObject("info").getBoolean("more_records")).isTrue();
        assertThat(client.get(token, "/crm/v8/Deals?fields=Deal_Name&per_page=200&page=11").body()
                .getString("code")).isEqualTo("DISCRETE_PAGINATION_LIMIT_EXCEEDED");

        String next = tenth.getJsonObject("info").getString("next_page_token");
        JsonObject last = client.get(token, "/crm/v8/Deals?fields=Deal_Name&per_page=200&page_token="
                + SimulatorClient.enc(next)).body();
        assertThat(last.getJsonArray("data")).hasSize(100);
        assertThat(last.getJsonArray("data").getJsonObject(99).getString("Deal_Name")).isEqualTo("Deal 2099");
        assertThat(last.getJsonObject("info").getBoolean("more_records")).isFalse();
    }

    @Test
    void upsertInsertsThenUpdatesByTheDuplicateCheckField() throws Exception {
        String token = client.accessToken();
        SimulatedUser ana = simulator.addUser("ana@example.com", "Ana");
        String deal = simulator.addDeal("Maple", "Closed Won", null, null);
        String body = entries(entry("e-1", deal, ana.id(), "1.00"));

        Reply first = client.upsert(token, "Time_Entries", body);
        Reply second = client.upsert(token, "Time_Entries", entries(entry("e-1", deal, ana.id(), "2.00")));

        assertThat(first.body().getJsonArray("data").getJsonObject(0).getString("action")).isEqualTo("insert");
        JsonObject updated = second.body().getJsonArray("data").getJsonObject(0);
        assertThat(updated.getString("action")).isEqualTo("update");
        assertThat(updated.getJsonObject("details").getString("id"))
                .isEqualTo(first.body().getJsonArray("data").getJsonObject(0).getJsonObject("details").getString("id"));
        assertThat(simulator.records("Time_Entries")).singleElement()
                .satisfies(r -> assertThat(r.getJsonNumber("Hours").doubleValue()).isEqualTo(2.0));
    }

    @Test
    void aBatchWithOneBadRecordAnswers207RecordByRecord() throws Exception {
        String token = client.accessToken();
        SimulatedUser ana = simulator.addUser("ana@example.com", "Ana");
        String deal = simulator.addDeal("Maple", "Closed Won", null, null);

        Reply reply = client.upsert(token, "Time_Entries", entries(entry("e-1", deal, ana.id(), "1.00"),
                entry("e-2", "404", ana.id(), "1.00"), entry("e-3", deal, "no-such-user", "1.00"),
                "{\"Entry_UUID\":\"e-4\",\"Name\":\"x\"}"));

        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.body().getJsonArray("data").getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("code"))
                .containsExactly("SUCCESS", "INVALID_DATA", "INVALID_DATA", "MANDATORY_NOT_FOUND");
        assertThat(simulator.records("Time_Entries")).hasSize(1);
    }

    @Test
    void scriptedFaultsAnswerOnceThenStop() throws Exception {
        String token = client.accessToken();
        simulator.faults().rateLimitNext(1, Duration.ofSeconds(9)).serverErrorNext(1);

        Reply limited = client.get(token, "/crm/v8/users");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfter()).isEqualTo("9");
        assertThat(client.get(token, "/crm/v8/users").status()).isEqualTo(500);
        assertThat(client.get(token, "/crm/v8/users").status()).isEqualTo(204);
        assertThat(simulator.counters().rateLimited()).isEqualTo(1);
        assertThat(simulator.counters().userReads()).isEqualTo(1);
    }

    @Test
    void aDroppedConnectionStillAppliesTheWrite() throws Exception {
        String token = client.accessToken();
        SimulatedUser ana = simulator.addUser("ana@example.com", "Ana");
        String deal = simulator.addDeal("Maple", "Closed Won", null, null);
        simulator.faults().dropConnectionAfterWriteNext(1);

        assertThatThrownBy(() -> client.upsert(token, "Time_Entries", entries(entry("e-1", deal, ana.id(), "1.00"))))
                .isInstanceOf(IOException.class);
        assertThat(simulator.records("Time_Entries")).hasSize(1);
        assertThat(simulator.counters().upserts()).isEqualTo(1);
    }

    @Test
    void demoDataHasActiveAndInactiveDealsAndAssignments() {
        assertThat(DemoData.seed(simulator)).hasSize(3);
        assertThat(simulator.records("Deals")).hasSize(5)
                .anySatisfy(d -> assertThat(d.getString("Stage")).isEqualTo("Closed Lost"));
        assertThat(simulator.records("Project_Assignments")).hasSize(7);
    }

    private static String entry(String uuid, String dealId, String userId, String hours) {
        return """
                {"Entry_UUID":"%s","Name":"entry %s","Deal":{"id":"%s"},"Worker":{"id":"%s"},
                 "Work_Date":"2026-03-10","Hours":%s}""".formatted(uuid, uuid, dealId, userId, hours);
    }

    private static String entries(String... records) {
        return "{\"data\":[" + String.join(",", records) + "],\"duplicate_check_fields\":[\"Entry_UUID\"],\"trigger\":[]}";
    }
}
