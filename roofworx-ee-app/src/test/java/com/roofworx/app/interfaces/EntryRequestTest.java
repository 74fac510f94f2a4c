package com.roofworx.app.interfaces;

import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.EntryDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EntryRequestTest {

    private static EntryDraft parse(String json) {
        return EntryRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ValidationException refused(String json) {
        return catchThrowableOfType(ValidationException.class, () -> parse(json));
    }

    @Test
    void aCompleteBodyBecomesADraft() {
        UUID id = UUID.randomUUID();
        EntryDraft d = parse("{\"id\":\"" + id + "\",\"projectId\":\"42\",\"workDate\":\"2026-11-20\",\"minutes\":90,"
                + "\"notes\":\"tear-off\",\"taskType\":null}");
        assertThat(d).isEqualTo(new EntryDraft(id, "42", LocalDate.of(2026, 11, 20), 90, "tear-off", null));
    }

    @Test
    void optionalMembersMayBeLeftOut() {
        EntryDraft d = parse("{\"projectId\":\"42\",\"workDate\":\"2026-11-20\",\"minutes\":6e1}");
        assertThat(d.id()).isNull();
        assertThat(d.minutes()).isEqualTo(60);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"projectId\":\"42\",\"workDate\":\"2026-11-20\",\"minutes\":\"60\"}|minutes|\"60\"",
            "{\"projectId\":\"42\",\"workDate\":\"2026-11-20\",\"minutes\":60.5}|minutes|60.5",
            "{\"projectId\":\"42\",\"workDate\":\"2026-11-20\",\"minutes\":60.0}|minutes|60.0",
            "{\"projectId\":\"42\",\"workDate\":\"2026-11-20\",\"minutes\":true}|minutes|true",
            "{\"projectId\":\"42\",\"workDate\":\"2026-11-20\"}|minutes|null",
            "{\"projectId\":\"42\",\"workDate\":\"2026-11-20\",\"minutes\":1e10}|minutes|1e10",
            "{\"projectId\":42,\"workDate\":\"2026-11-20\",\"minutes\":60}|projectId|42",
            "{\"projectId\":\"42\",\"workDate\":\"20.11.2026\",\"minutes\":60}|workDate|\"20.11.2026\"",
            "{\"projectId\":\"42\",\"workDate\":\"2026-11-20\",\"minutes\":60,\"id\":\"1-1-1-1-1\"}|id|1-1-1-1-1",
            "{\"projectId\":\"42\",\"workDate\":\"2026-11-20\",\"minutes\":60,\"owner\":\"x\"}|owner|present",
            "{\"projectId\":\"42\",\"projectId\":\"43\",\"workDate\":\"2026-11-20\",\"minutes\":60}|projectId|given twice",
            "{\"projectId\":\"42\",\"workDate\":\"2026-11-20\",\"minutes\":[60]}|minutes|an array",
            "[{\"projectId\":\"42\"}]|body|an array",
            "\"hello\"|body|a string",
    })
    void wrongTypesAreRefusedNamingTheFieldAndTheValue(String json, String field, String value) {
        ValidationException e = refused(json);
        assertThat(e).as(json).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.rejectedValue()).isEqualTo(value);
    }

    @Test
    void absurdNestingIsRefusedWithoutWalkingIt() {
        String deep = "{\"notes\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        ValidationException e = refused(deep);
        assertThat(e.field()).isEqualTo("notes");
        assertThat(refused("[".repeat(100_000)).field()).isEqualTo("body");
    }

    @Test
    void malformedJsonIsRefusedAsTheBody() {
        assertThat(refused("{\"minutes\": 60").field()).isEqualTo("body");
        assertThat(refused("{minutes: 60}").field()).isEqualTo("body");
        assertThat(refused("").field()).isEqualTo("body");
        assertThat(refused("{\"minutes\":60} {}").field()).isEqualTo("body");
    }
}
