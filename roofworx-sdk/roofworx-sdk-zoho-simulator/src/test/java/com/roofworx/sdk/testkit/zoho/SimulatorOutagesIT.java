package com.roofworx.sdk.testkit.zoho;

import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.zoho.SimulatorClient.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The outage switches, per-record locks and timestamped upsert counters other tests script outages with. */
class SimulatorOutagesIT {
    private final TestClock clock = new TestClock();
    private final ZohoCrmSimulator simulator = ZohoCrmSimulator.start(clock);
    private final SimulatorClient client = new SimulatorClient(simulator);
    private String token;
    private String ana;
    private String deal;

    @BeforeEach
    void seed() throws Exception {
        token = client.accessToken();
        ana = simulator.addUser("ana@example.com", "Ana").id();
        deal = simulator.addDeal("Maple", "Closed Won", null, null);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void anUpsertOutageAnswers503UntilSwitchedOffAndWritesNothing() throws Exception {
        simulator.faults().upsertUnavailable(true);

        for (int i = 0; i < 3; i++) {
            Reply reply = client.upsert(token, "Time_Entries", keyed(entry("e-1")));
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.body().getString("code")).isEqualTo("SERVICE_UNAVAILABLE");
        }
        assertThat(client.get(token, "/crm/v8/users").status()).as("reads stay up").isEqualTo(200);
        assertThat(simulator.records("Time_Entries")).isEmpty();

        simulator.faults().upsertUnavailable(false);
        assertThat(client.upsert(token, "Time_Entries", keyed(entry("e-1"))).status()).isEqualTo(200);
        assertThat(simulator.records("Time_Entries")).hasSize(1);
        assertThat(simulator.counters().upsertRequests()).isEqualTo(4);
        assertThat(simulator.counters().upserts()).as("processed upserts only").isEqualTo(1);
    }

    @Test
    void anUpsertRateLimitBurstAnswers429WithRetryAfterUntilSwitchedOff() throws Exception {
        simulator.faults().upsertRateLimited(true, Duration.ofSeconds(20));

        for (int i = 0; i < 2; i++) {
            Reply reply = client.upsert(token, "Time_Entries", keyed(entry("e-1")));
            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.retryAfter()).isEqualTo("20");
        }
        simulator.faults().upsertRateLimited(false, null);

        assertThat(client.upsert(token, "Time_Entries", keyed(entry("e-1"))).status()).isEqualTo(200);
        assertThat(simulator.counters().rateLimited()).isEqualTo(2);
    }

    @Test
    void aRateLimitWithoutRetryAfterSendsNoHeader() throws Exception {
        simulator.faults().upsertRateLimited(true, null);

        Reply reply = client.upsert(token, "Time_Entries", keyed(entry("e-1")));
        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.retryAfter()).isNull();
    }

    @Test
    void anApiOutageAnswersEveryCrmCallAndClearEndsIt() throws Exception {
        simulator.faults().apiUnavailable(true);
        assertThat(client.get(token, "/crm/v8/users").status()).isEqualTo(503);
        assertThat(client.get(token, "/crm/v8/Deals?fields=Deal_Name").status()).isEqualTo(503);
        assertThat(client.upsert(token, "Time_Entries", keyed(entry("e-1"))).status()).isEqualTo(503);

        simulator.faults().clear();
        assertThat(client.get(token, "/crm/v8/users").status()).isEqualTo(200);
    }

    @Test
    void aTokenEndpointOutageAnswers503WithoutBodyWhileIssuedTokensKeepWorking() throws Exception {
        simulator.faults().tokenUnavailable(true);

        Reply refused = client.token(ZohoCrmSimulator.REFRESH_TOKEN);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).isNull();
        assertThat(client.get(token, "/crm/v8/users").status()).isEqualTo(200);

        simulator.faults().tokenUnavailable(false);
        assertThat(client.token(ZohoCrmSimulator.REFRESH_TOKEN).body().containsKey("access_token")).isTrue();
        assertThat(simulator.counters().tokensMinted()).isEqualTo(2);
    }

    @Test
    void aTokenEndpointRateLimitAnswers429WithRetryAfter() throws Exception {
        simulator.faults().tokenRateLimited(true, Duration.ofSeconds(60));

        Reply refused = client.token(ZohoCrmSimulator.REFRESH_TOKEN);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.retryAfter()).isEqualTo("60");
        assertThat(simulator.counters().tokensMinted()).isEqualTo(1);
    }

    @Test
    void upsertRequestsAreTimestampedBySimulatorClockWhateverTheAnswer() throws Exception {
        Instant start = clock.now();
        simulator.faults().upsertUnavailable(true);
        assertThat(client.upsert(token, "Time_Entries", keyed(entry("e-1"))).status()).isEqualTo(503);
        clock.advance(Duration.ofSeconds(30));
        simulator.faults().upsertUnavailable(false);
        assertThat(client.upsert("not-a-token", "Time_Entries", keyed(entry("e-1"))).status()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(30));
        assertThat(client.upsert(token, "Time_Entries", keyed(entry("e-1"))).status()).isEqualTo(200);

        assertThat(simulator.counters().upsertRequestTimes())
                .containsExactly(start, start.plusSeconds(30), start.plusSeconds(60));
        simulator.counters().reset();
        assertThat(simulator.counters().upsertRequestTimes()).isEmpty();
        assertThat(simulator.counters().upsertRequests()).isZero();
    }

    @Test
    void theNextNRecordsAnswerRecordLockedInAMultiStatusReplyAndAreNotWritten() throws Exception {
        simulator.faults().recordLockedNext(2);

        Reply reply = client.upsert(token, "Time_Entries", keyed(entry("e-1"), entry("e-2"), entry("e-3")));

        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.body().getJsonArray("data").getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("code")).containsExactly("RECORD_LOCKED", "RECORD_LOCKED", "SUCCESS");
        assertThat(simulator.records("Time_Entries")).hasSize(1);

        Reply again = client.upsert(token, "Time_Entries", keyed(entry("e-1"), entry("e-2")));
        assertThat(again.status()).as("the fault is used up").isEqualTo(200);
        assertThat(simulator.records("Time_Entries")).hasSize(3);
    }

    @Test
    void aLockedValueHoldsEvenWhenTheRequestNamesNoDuplicateCheckField() throws Exception {
        simulator.duplicateCheck(DuplicateCheck.REQUESTED_ONLY).lock("e-2");

        Reply reply = client.upsert(token, "Time_Entries", unkeyed(entry("e-1"), entry("e-2")));

        assertThat(reply.body().getJsonArray("data").getValuesAs(JsonObject.class))
                .extracting(r -> r.getString("code")).containsExactly("SUCCESS", "RECORD_LOCKED");
    }

    @Test
    void byDefaultTheModulesUniqueFieldRescuesARequestWithoutDuplicateCheckFields() throws Exception {
        client.upsert(token, "Time_Entries", unkeyed(entry("e-1")));
        Reply second = client.upsert(token, "Time_Entries", unkeyed(entry("e-1")));

        assertThat(second.body().getJsonArray("data").getJsonObject(0).getString("action")).isEqualTo("update");
        assertThat(simulator.records("Time_Entries")).hasSize(1);
    }

    @Test
    void requestedOnlyMakesARequestWithoutDuplicateCheckFieldsCreateADuplicate() throws Exception {
        simulator.duplicateCheck(DuplicateCheck.REQUESTED_ONLY);

        client.upsert(token, "Time_Entries", unkeyed(entry("e-1")));
        Reply second = client.upsert(token, "Time_Entries", unkeyed(entry("e-1")));

        assertThat(second.body().getJsonArray("data").getJsonObject(0).getString("action")).isEqualTo("insert");
        assertThat(simulator.records("Time_Entries"))
                .filteredOn(r -> r.getString(ZohoCrmSimulator.ENTRY_UUID).equals("e-1")).hasSize(2);
    }

    @Test
    void requestedOnlyStillUpdatesWhenTheRequestNamesTheKey() throws Exception {
        simulator.duplicateCheck(DuplicateCheck.REQUESTED_ONLY);

        client.upsert(token, "Time_Entries", keyed(entry("e-1")));
        Reply second = client.upsert(token, "Time_Entries", keyed(entry("e-1")));

        assertThat(second.body().getJsonArray("data").getJsonObject(0).getString("action")).isEqualTo("update");
        assertThat(simulator.records("Time_Entries")).hasSize(1);
    }

    private String entry(String uuid) {
        return """
                {"Entry_UUID":"%s","Name":"entry %s","Deal":{"id":"%s"},"Worker":{"id":"%s"},
                 "Work_Date":"2026-03-10","Hours":1.0}""".formatted(uuid, uuid, deal, ana);
    }

    private static String keyed(String... records) {
        return "{\"data\":[" + String.join(",", records) + "],\"duplicate_check_fields\":[\"Entry_UUID\"],\"trigger\":[]}";
    }

    private static String unkeyed(String... records) {
        return "{\"data\":[" + String.join(",", records) + "],\"trigger\":[]}";
    }
}
