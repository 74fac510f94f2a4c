package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.SyncStatus;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class RecordOutcomesTest {
    private static final String KEY = "Entry_UUID";

    private static JsonObject json(String text) {
        return jakarta.json.Json.createReader(new StringReader(text)).readObject();
    }

    private static ColdOutcome outcome(String text) {
        return RecordOutcomes.of(json(text), KEY);
    }

    @Test
    void successIsSyncedWithTheRecordId() {
        assertThat(outcome("""
                {"code":"SUCCESS","action":"update","details":{"id":"5725767000000524157"},"status":"success"}"""))
                .isEqualTo(new ColdOutcome.Synced("5725767000000524157"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVALID_DATA", "MANDATORY_NOT_FOUND", "SOME_NEW_CODE"})
    void dataErrorsAreRejectedWithCodeAndMessage(String code) {
        ColdOutcome outcome = outcome("""
                {"code":"%s","details":{"api_name":"Deal"},"message":"invalid data","status":"error"}""".formatted(code));
        assertThat(outcome).isInstanceOfSatisfying(ColdOutcome.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.error()).contains("invalid data").contains("Deal");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"RECORD_LOCKED", "LIMIT_EXCEEDED", "INTERNAL_ERROR", "TOO_MANY_REQUESTS",
            "RECORD_IN_PROCESS"})
    void momentaryErrorsAreRetryableAndNameTheCode(String code) {
        assertThat(outcome("{\"code\":\"" + code + "\",\"message\":\"m\",\"status\":\"error\"}"))
                .isInstanceOfSatisfying(ColdOutcome.Retryable.class, r -> assertThat(r.error()).startsWith(code + ": "));
    }

    @Test
    void aDuplicateOnTheEntryKeyIsARaceAndRetryable() {
        assertThat(outcome("""
                {"code":"DUPLICATE_DATA","details":{"api_name":"Entry_UUID"},"message":"duplicate data","status":"error"}"""))
                .isInstanceOf(ColdOutcome.Retryable.class);
        assertThat(outcome("{\"code\":\"DUPLICATE_DATA\",\"message\":\"duplicate data\",\"status\":\"error\"}"))
                .isInstanceOf(ColdOutcome.Retryable.class);
    }

    @Test
    void aDuplicateOnAnotherUniqueFieldNeverPassesAndIsRejected() {
        assertThat(outcome("""
                {"code":"DUPLICATE_DATA","details":{"api_name":"Timesheet_No"},"message":"duplicate data","status":"error"}"""))
                .isInstanceOfSatisfying(ColdOutcome.Rejected.class, r -> {
                    assertThat(r.code()).isEqualTo("DUPLICATE_DATA");
                    assertThat(r.error()).contains("Timesheet_No");
                });
    }

    @Test
    void aCodeThatIsNoUsableFilterIsMadeOne() {
        ColdOutcome outcome = outcome("{\"code\":\"invalid data-type\",\"message\":\"m\",\"status\":\"error\"}");
        assertThat(outcome).isInstanceOfSatisfying(ColdOutcome.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo("INVALID_DATA_TYPE");
            DestinationState blocked = DestinationState.pending(java.time.Instant.EPOCH)
                    .blocked(DestinationState.refusal(r.code(), r.error()));
            assertThat(blocked.status()).isEqualTo(SyncStatus.BLOCKED);
            assertThat(blocked.errorCode()).isEqualTo("INVALID_DATA_TYPE");
        });
        assertThat(RecordOutcomes.filterable("x".repeat(80))).hasSize(64);
        assertThat(RecordOutcomes.filterable("--")).isEqualTo("_");
    }

    @Test
    void aResultWithoutCodeOrIdIsRetryable() {
        assertThat(outcome("{\"status\":\"error\"}")).isInstanceOf(ColdOutcome.Retryable.class);
        assertThat(outcome("{\"code\":\"SUCCESS\",\"details\":{}}")).isInstanceOf(ColdOutcome.Retryable.class);
    }

    @Test
    void hoursAreMinutesAsTwoDecimalsHalfUp() {
        assertThat(TimeEntryRecords.hours(90)).isEqualByComparingTo("1.50");
        assertThat(TimeEntryRecords.hours(50)).isEqualByComparingTo("0.83");
        assertThat(TimeEntryRecords.hours(1)).isEqualByComparingTo("0.02");
        assertThat(TimeEntryRecords.hours(1440)).isEqualByComparingTo("24.00");
    }
}
