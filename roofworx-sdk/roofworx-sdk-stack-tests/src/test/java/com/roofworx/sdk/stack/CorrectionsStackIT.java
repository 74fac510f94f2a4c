package com.roofworx.sdk.stack;

import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.EntryRevision;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.PostgresWarmEntryStore;
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.roofworx.sdk.stack.TwoInstances.ANNA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corrections through real Redis, PostgreSQL and the Zoho adapter writing to the Zoho CRM simulator: a
 * correction reaches Zoho exactly once even when the connection drops after Zoho applied it, and a slow send
 * of the older version, overtaken by a correction, never ends up as what Zoho holds.
 */
class CorrectionsStackIT {
    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = TestPostgres.migratedDataSource();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void empty() {
        TestPostgres.emptyTables(dataSource);
    }

    private static EntryDraft fixed(TimeEntry e, int minutes) {
        return new EntryDraft(null, e.projectId(), e.workDate(), minutes, "corrected", null);
    }

    private static JsonObject onlyRecord(TwoInstances stack, TimeEntry e) {
        List<JsonObject> records = Stack.timeEntryRecords(stack.simulator, e.id());
        assertThat(records).as("Zoho records of %s", e.id()).hasSize(1);
        return records.get(0);
    }

    private static void settle(TwoInstances stack) {
        for (int i = 0; i < 20; i++) {
            stack.clock.advance(Duration.ofSeconds(61));
            stack.a.sync().runOnce();
        }
    }

    @Test
    @DisplayName("a correction whose Zoho reply is lost is applied once, at the new version")
    void droppedConnection() {
        try (TwoInstances stack = new TwoInstances(dataSource, dataSource, 1)) {
            TimeEntry v1 = stack.submit(ANNA);
            stack.a.sync().runOnce();
            assertThat(onlyRecord(stack, v1).getInt("Entry_Version")).isEqualTo(1);

            TimeEntry v2 = stack.a.entries().correct(ANNA, v1.id(), 1, fixed(v1, 300)).entry();
            stack.simulator.faults().dropConnectionAfterWriteNext(1);
            settle(stack);

            JsonObject record = onlyRecord(stack, v1);
            assertThat(record.getInt("Entry_Version")).isEqualTo(2);
            assertThat(record.getJsonNumber("Hours").bigDecimalValue()).isEqualByComparingTo("5.00");
            assertThat(record.getString("Entry_Status")).isEqualTo("Active");
            PostgresWarmEntryStore warm = new PostgresWarmEntryStore(dataSource);
            TimeEntry row = warm.get(ANNA, v1.id()).orElseThrow();
            assertThat(row.version()).isEqualTo(2);
            assertThat(row.cold().isSynced()).isTrue();
            assertThat(warm.history(ANNA, v1.id())).extracting(EntryRevision::version).containsExactly(1, 2);
            assertThat(v2.version()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("a slow send of the older version, overtaken by a correction, leaves Zoho at the newer version")
    void olderVersionLate() throws Exception {
        try (TwoInstances stack = new TwoInstances(dataSource, dataSource, 2)) {
            // One entry first, so the worker's CRM user is known and the next API call is the upsert itself.
            stack.submit(ANNA);
            stack.a.sync().runOnce();
            TimeEntry v1 = stack.submit(ANNA);
            int before = stack.simulator.counters().upsertRequests();
            stack.simulator.faults().slowNext(1, Duration.ofSeconds(2));
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> stack.a.sync().runOnce());
            awaitUpsertRequests(stack.simulator, before + 1);

            stack.b.entries().correct(ANNA, v1.id(), 1, fixed(v1, 45));
            stack.b.sync().runOnce();
            slow.get(30, TimeUnit.SECONDS);
            // Zoho applied the slow write of version 1 after the correction reached PostgreSQL; the row's cold
            // state still waits for version 2 (the stale outcome was ignored).
            assertThat(onlyRecord(stack, v1).getInt("Entry_Version")).isEqualTo(1);
            TimeEntry row = new PostgresWarmEntryStore(dataSource).get(ANNA, v1.id()).orElseThrow();
            assertThat(row.version()).isEqualTo(2);
            assertThat(row.cold().isPending()).isTrue();

            settle(stack);
            JsonObject record = onlyRecord(stack, v1);
            assertThat(record.getInt("Entry_Version")).isEqualTo(2);
            assertThat(record.getJsonNumber("Hours").bigDecimalValue()).isEqualByComparingTo("0.75");
            assertThat(new PostgresWarmEntryStore(dataSource).get(ANNA, v1.id()).orElseThrow().cold().isSynced())
                    .isTrue();
        }
    }

    @Test
    @DisplayName("a void reaches Zoho as a status, and the record is kept")
    void voided() {
        try (TwoInstances stack = new TwoInstances(dataSource, dataSource, 3)) {
            TimeEntry v1 = stack.submit(ANNA);
            stack.a.sync().runOnce();
            stack.a.entries().voidEntry(ANNA, v1.id(), 1);
            settle(stack);
            JsonObject record = onlyRecord(stack, v1);
            assertThat(record.getString("Entry_Status")).isEqualTo("Voided");
            assertThat(record.getInt("Entry_Version")).isEqualTo(2);
        }
    }

    private static void awaitUpsertRequests(ZohoCrmSimulator simulator, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (simulator.counters().upsertRequests() < count) {
            assertThat(Instant.now()).as("the upsert reached the simulator").isBefore(deadline);
            Thread.sleep(10);
        }
    }
}
