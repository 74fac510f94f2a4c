package com.roofworx.sdk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationExceptionTest {

    @Test
    @DisplayName("the message names the field, the rule and the value")
    void message() {
        ValidationException e = ValidationException.of("minutes", 0, "must be between 1 and 1440");
        assertThat(e.getMessage()).isEqualTo("minutes must be between 1 and 1440 but was 0");
        assertThat(e.field()).isEqualTo("minutes");
        assertThat(e.rejectedValue()).isEqualTo("0");
    }

    @Test
    @DisplayName("a long value is cut so a message stays readable and a log line stays small")
    void longValue() {
        ValidationException e = ValidationException.of("notes", "x".repeat(5000), "must be at most 2000 characters");
        assertThat(e.getMessage()).hasSizeLessThan(200).contains("(5000 chars)");
    }
}
