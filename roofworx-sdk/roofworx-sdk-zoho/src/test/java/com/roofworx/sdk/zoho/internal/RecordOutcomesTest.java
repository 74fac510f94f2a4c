package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class RecordOutcomesTest {

    private static JsonObject json(String text) {
        return jakarta.json.Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void successIsSyncedWithTheRecordId() {
        assertThat(RecordOutcomes.of(json("""
                {"code":"SUCCESS","action":"update","details":{"id":"5725767000000524157"},"status":"success"}""")))
                .isEqualTo(new ColdOutcome.Synced("5725767000000524157"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVALID_DATA", "MANDATORY_NOT_FOUND", "SOME_NEW_CODE"})
    void dataErrorsAreRejectedWithCodeAndMessage(String code) {
        ColdOutcome outcome = RecordOutcomes.of(json("""
                {"code":"%s","details":{"api_name":"Deal"},"message":"invalid data","status":"error"}""".formatted(code)));
        assertThat(outcome).isInstanceOfSatisfying(ColdOutcome.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.error()).contains("invalid data").contains("Deal");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"RECORD_LOCKED", "LIMIT_EXCEEDED", "INTERNAL_ERROR", "DUPLICATE_DATA"})
    void momentaryErrorsAreRetryable(String code) {
        assertThat(RecordOutcomes.of(json("{\"code\":\"" + code + "\",\"message\":\"m\",\"status\":\"error\"}")))
                .isInstanceOf(ColdOutcome.Retryable.class);
    }

    @Test
    void aResultWithoutCodeOrIdIsRetryable() {
        assertThat(RecordOutcomes.of(json("{\"status\":\"error\"}"))).isInstanceOf(ColdOutcome.Retryable.class);
        assertThat(RecordOutcomes.of(json("{\"code\":\"SUCCESS\",\"details\":{}}"))).isInstanceOf(ColdOutcome.Retryable.class);
    }

    @Test
    void hoursAreMinutesAsTwoDecimalsHalfUp() {
        assertThat(TimeEntryRecords.hours(90)).isEqualByComparingTo("1.50");
        assertThat(TimeEntryRecords.hours(50)).isEqualByComparingTo("0.83");
        assertThat(TimeEntryRecords.hours(1)).isEqualByComparingTo("0.02");
        assertThat(TimeEntryRecords.hours(1440)).isEqualByComparingTo("24.00");
    }
}
