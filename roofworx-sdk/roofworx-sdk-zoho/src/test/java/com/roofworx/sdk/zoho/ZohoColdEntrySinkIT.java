package com.roofworx.sdk.zoho;

import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import com.roofworx.sdk.testkit.Entries;
import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.zoho.SimulatedUser;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Time_Entries upserts: record shape, per-record outcomes, whole-call failures and exactly-once retries. */
class ZohoColdEntrySinkIT {
    private static final String WORKER = "ana@example.com";
    private final ZohoFixture zoho = new ZohoFixture();
    private final TestClock clock = new TestClock();
    private SimulatedUser worker;
    private String deal;
    private ColdEntrySink sink;

    @BeforeEach
    void seed() {
        worker = zoho.simulator.addUser(WORKER, "Ana Roofer");
        deal = zoho.simulator.addDeal("Maple St re-roof", "Closed Won", "Hendricks", "12 Maple St");
        sink = zoho.connect().coldEntrySink();
    }

    @AfterEach
    void stop() {
        zoho.close();
    }

    @Test
    void writesTheEntryInTheDeployersFields() {
        TimeEntry entry = Entries.pending(WORKER, deal, clock.today(), 90, clock.now());
        ColdOutcome outcome = sink.upsert(List.of(entry)).get(entry.id());

        JsonObject record = stored(entry);
        assertThat(outcome).isEqualTo(new ColdOutcome.Synced(record.getString("id")));
        assertThat(record.getJsonObject("Deal").getString("id")).isEqualTo(deal);
        assertThat(record.getJsonObject("Worker").getString("id")).isEqualTo(worker.id());
        assertThat(record.getString("Work_Date")).isEqualTo(clock.today().toString());
        assertThat(record.getJsonNumber("Hours").bigDecimalValue()).isEqualByComparingTo("1.50");
        assertThat(record.isNull("Notes")).isTrue();
    }

    @Test
    void oneBadRecordDoesNotHoldBackTheOther99() {
        List<TimeEntry> batch = entries(99);
        TimeEntry bad = Entries.pending(WORKER, "424242", clock.today(), clock.now());
        batch.add(50, bad);

        Map<UUID, ColdOutcome> outcomes = sink.upsert(batch);

        assertThat(outcomes).hasSize(100);
        assertThat(outcomes.get(bad.id())).isInstanceOfSatisfying(ColdOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("INVALID_DATA"));
        assertThat(outcomes.values()).filteredOn(ColdOutcome.Synced.class::isInstance).hasSize(99);
        assertThat(zoho.simulator.records(ZohoCrmSimulator.TIME_ENTRIES)).hasSize(99);
        assertThat(zoho.simulator.counters().upserts()).isEqualTo(1);
    }

    @Test
    void aBatchZohoRefusesWholeIsAnsweredRecordByRecord() {
        zoho.simulator.module(ZohoCrmSimulator.TIME_ENTRIES).mandatory("Billing_Code");
        List<TimeEntry> batch = entries(3);

        assertThat(sink.upsert(batch).values()).hasSize(3).allSatisfy(o ->
                assertThat(o).isInstanceOfSatisfying(ColdOutcome.Rejected.class, r -> {
                    assertThat(r.code()).isEqualTo("MANDATORY_NOT_FOUND");
                    assertThat(r.error()).contains("Billing_Code");
                }));
    }

    @Test
    void aLockedRecordIsRetryable() {
        TimeEntry entry = entries(1).get(0);
        zoho.simulator.lock(entry.id().toString());
        assertThat(sink.upsert(List.of(entry)).get(entry.id())).isInstanceOf(ColdOutcome.Retryable.class);

        zoho.simulator.unlock(entry.id().toString());
        assertThat(sink.upsert(List.of(entry)).get(entry.id())).isInstanceOf(ColdOutcome.Synced.class);
    }

    @Test
    void anUnknownWorkerEmailIsRejectedByNameAndNotSent() {
        TimeEntry stranger = Entries.pending("stranger@example.com", deal, clock.today(), clock.now());
        TimeEntry known = entries(1).get(0);

        Map<UUID, ColdOutcome> outcomes = sink.upsert(List.of(stranger, known));

        assertThat(outcomes.get(stranger.id())).isInstanceOfSatisfying(ColdOutcome.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo("UNKNOWN_WORKER");
            assertThat(r.error()).contains("stranger@example.com");
        });
        assertThat(outcomes.get(known.id())).isInstanceOf(ColdOutcome.Synced.class);
        assertThat(zoho.simulator.counters().recordsUpserted()).isEqualTo(1);
    }

    @Test
    void aRateLimitIsThrownWithRetryAfterAndWritesNothing() {
        zoho.simulator.faults().rateLimitNext(1, Duration.ofSeconds(7));

        assertThatThrownBy(() -> sink.upsert(entries(2))).isInstanceOfSatisfying(ZohoException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(429);
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        });
        assertThat(zoho.simulator.records(ZohoCrmSimulator.TIME_ENTRIES)).isEmpty();
        assertThat(zoho.simulator.counters().tokensMinted()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsThrownAsRetryable() {
        zoho.simulator.faults().serverErrorNext(1);

        assertThatThrownBy(() -> sink.upsert(entries(1))).isInstanceOfSatisfying(ZohoException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(500);
            assertThat(e.retryable()).isTrue();
        });
    }

    @Test
    void aReplyLostAfterTheWriteIsRetriedWithoutADuplicate() {
        List<TimeEntry> batch = entries(3);
        zoho.simulator.faults().dropConnectionAfterWriteNext(1);

        assertThatThrownBy(() -> sink.upsert(batch)).isInstanceOfSatisfying(ZohoException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThat(zoho.simulator.records(ZohoCrmSimulator.TIME_ENTRIES)).hasSize(3);

        Map<UUID, ColdOutcome> retried = sink.upsert(batch);
        assertThat(retried.values()).allSatisfy(o -> assertThat(o).isInstanceOf(ColdOutcome.Synced.class));
        assertThat(zoho.simulator.records(ZohoCrmSimulator.TIME_ENTRIES)).hasSize(3);
        for (TimeEntry entry : batch) {
            assertThat(retried.get(entry.id())).isEqualTo(new ColdOutcome.Synced(stored(entry).getString("id")));
        }
    }

    @Test
    void aReplySlowerThanTheReadTimeoutIsThrownAsRetryable() {
        ColdEntrySink impatient = zoho.connect(b -> b.readTimeout(Duration.ofMillis(500))).coldEntrySink();
        impatient.upsert(entries(1)); // mint the token and load the user map first
        zoho.simulator.faults().slowNext(1, Duration.ofSeconds(3));

        assertThatThrownBy(() -> impatient.upsert(entries(1))).isInstanceOfSatisfying(ZohoException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.httpStatus()).isZero();
        });
    }

    @Test
    void moreThan100EntriesTakeOneCallPer100() {
        List<TimeEntry> batch = entries(250);

        assertThat(sink.upsert(batch)).hasSize(250);
        assertThat(zoho.simulator.counters().upserts()).isEqualTo(3);
        assertThat(zoho.simulator.records(ZohoCrmSimulator.TIME_ENTRIES)).hasSize(250);
    }

    private List<TimeEntry> entries(int count) {
        List<TimeEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(Entries.pending(WORKER, deal, clock.today(), clock.now()));
        }
        return entries;
    }

    private JsonObject stored(TimeEntry entry) {
        return zoho.simulator.findRecord(ZohoCrmSimulator.TIME_ENTRIES, ZohoCrmSimulator.ENTRY_UUID,
                entry.id().toString()).orElseThrow();
    }
}
