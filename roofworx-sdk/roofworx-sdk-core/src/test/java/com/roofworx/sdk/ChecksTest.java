package com.roofworx.sdk;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecksTest {

    @Test
    void aValidValueIsAnsweredUnchanged() {
        assertThat(Checks.notNull("x", "a")).isEqualTo("a");
        assertThat(Checks.notBlank("x", " a ")).isEqualTo(" a ");
        assertThat(Checks.positive("x", Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(1));
        assertThat(Checks.notNegative("x", Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(Checks.atLeast("x", 3, 3)).isEqualTo(3);
    }

    @Test
    void eachRefusalNamesTheFieldAndTheValue() {
        assertThatThrownBy(() -> Checks.notNull("dataSource", null)).isInstanceOf(ValidationException.class)
                .hasMessage("dataSource must not be null but was null");
        assertThatThrownBy(() -> Checks.notBlank("clientId", " ")).isInstanceOf(ValidationException.class)
                .hasMessage("clientId must not be blank but was  ");
        assertThatThrownBy(() -> Checks.positive("lease", Duration.ZERO)).isInstanceOf(ValidationException.class)
                .hasMessage("lease must be > 0 but was PT0S");
        assertThatThrownBy(() -> Checks.positive("lease", null)).isInstanceOf(ValidationException.class)
                .hasMessage("lease must not be null but was null");
        assertThatThrownBy(() -> Checks.notNegative("linger", Duration.ofSeconds(-1)))
                .isInstanceOf(ValidationException.class).hasMessage("linger must be >= 0 but was PT-1S");
        assertThatThrownBy(() -> Checks.atLeast("failures", 0, 1)).isInstanceOf(ValidationException.class)
                .hasMessage("failures must be >= 1 but was 0");
    }
}
