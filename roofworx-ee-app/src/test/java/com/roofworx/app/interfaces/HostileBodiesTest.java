package com.roofworx.app.interfaces;

import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.EntryDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Bodies an outsider sends: each is a 400 naming a field, never another exception (which would be a 500). */
class HostileBodiesTest {
    private static final String PREFIX = "{\"projectId\":\"42\",\"workDate\":\"2026-11-20\",";

    private static ValidationException refused(byte[] body) {
        Throwable t = catchThrowable(() -> EntryRequest.parse(body));
        assertThat(t).as(new String(body, StandardCharsets.ISO_8859_1)).isInstanceOf(ValidationException.class);
        return (ValidationException) t;
    }

    private static ValidationException refused(String body) {
        return refused(body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "{", "}", "[", "\"", "1", "null", " ", "{\"", "{\"minutes\"", "{\"minutes\":",
            "\u00ff", "{}}", "{\"minutes\":1}x"})
    void truncatedAndOneByteBodiesAre400sAboutTheBody(String body) {
        assertThat(refused(body).field()).isIn("body", "minutes", "projectId");
    }

    @Test
    void bodiesThatAreNotUtf8Are400s() {
        assertThat(refused(new byte[]{(byte) 0xC3}).field()).isEqualTo("body");
        assertThat(refused(new byte[]{'{', '"', (byte) 0xFF, '"', ':', '1', '}'}).field()).isEqualTo("body");
        assertThat(refused(new byte[]{0, 0, 0, '{'}).field()).isEqualTo("body");
    }

    @Test
    void randomBytesAreAlways400s() {
        Random random = new Random(20261130);
        for (int i = 0; i < 5_000; i++) {
            byte[] body = new byte[1 + random.nextInt(40)];
            random.nextBytes(body);
            refused(body);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e99999999999", "1e-99999999999", "1e999999999", "-1e999999999", "1E+2147483648",
            "0.000000000000000000000000000000001", "99999999999999999999999", "1e-5"})
    void hugeAndTinyNumbersAre400sAboutMinutes(String number) {
        assertThat(refused(PREFIX + "\"minutes\":" + number + "}").field()).isEqualTo("minutes");
    }

    @Test
    void aNumberOfThousandsOfDigitsIsRefusedWithoutConvertingIt() {
        ValidationException e = refused(PREFIX + "\"minutes\":" + "9".repeat(1_101) + "}");
        assertThat(e.field()).isEqualTo("minutes");
        assertThat(e.rejectedValue()).hasSizeLessThan(120);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01", "+999999999-12-31", "0000-01-01", "10000-01-01", "2026-1-1",
            "2026-02-30", "1969-12-31"})
    void datesOutsideFourDigitYearsAre400s(String date) {
        assertThat(refused("{\"projectId\":\"42\",\"workDate\":\"" + date + "\",\"minutes\":60}").field())
                .isEqualTo("workDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "\\ud800", "x\\udc00", "\\ud800\\ud800", "bell\\u0007", "esc\\u001b"})
    void stringsATierWouldRewriteAreRefused(String escaped) {
        for (String field : new String[]{"notes", "taskType", "projectId"}) {
            String body = field.equals("projectId")
                    ? "{\"projectId\":\"" + escaped + "\",\"workDate\":\"2026-11-20\",\"minutes\":60}"
                    : PREFIX + "\"minutes\":60,\"" + field + "\":\"" + escaped + "\"}";
            assertThat(refused(body).field()).isEqualTo(field);
        }
    }

    @Test
    void exoticButStorableStringsPassUnchanged() {
        String notes = "tab\tnew\nline\r ünïcödé 屋根 \uD83D\uDEE0\uFE0F \u212A \u202Eltr \uFFFD \u2028 e\u0301";
        EntryDraft d = EntryRequest.parse((PREFIX + "\"minutes\":60,\"notes\":"
                + jakarta.json.Json.createValue(notes) + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(d.notes()).isEqualTo(notes);
    }
}
