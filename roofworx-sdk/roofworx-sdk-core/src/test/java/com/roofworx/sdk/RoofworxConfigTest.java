package com.roofworx.sdk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoofworxConfigTest {

    @Test
    @DisplayName("defaults are the documented constants")
    void defaults() {
        RoofworxConfig c = RoofworxConfig.ofDefaults();
        assertThat(c.projectCacheTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(c.backdatingWindow()).isEqualTo(Duration.ofDays(60));
        assertThat(c.hotWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(c.backoffMax()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.projectStaleIfError()).isEqualTo(Duration.ofDays(7));
        assertThat(c.checkIdOwner()).isTrue();
        assertThat(c.batchSize()).isEqualTo(RoofworxConfig.DEFAULT_BATCH_SIZE);
        assertThat(c.correctionWindow()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    @DisplayName("every setter refuses a bad value at once, naming the field and the value")
    void refusesBadValues() {
        assertThatThrownBy(() -> RoofworxConfig.builder().batchSize(0))
                .isInstanceOf(ValidationException.class)
                .hasMessage("batchSize must be >= 1 but was 0")
                .satisfies(e -> {
                    assertThat(((ValidationException) e).field()).isEqualTo("batchSize");
                    assertThat(((ValidationException) e).rejectedValue()).isEqualTo("0");
                });
        assertThatThrownBy(() -> RoofworxConfig.builder().projectStaleIfError(Duration.ofDays(-1)))
                .isInstanceOf(ValidationException.class).hasMessage("projectStaleIfError must be >= 0 but was PT-24H");
        assertThatThrownBy(() -> RoofworxConfig.builder().lease(Duration.ofSeconds(-1)))
                .isInstanceOf(ValidationException.class).hasMessage("lease must be > 0 but was PT-1S");
        assertThatThrownBy(() -> RoofworxConfig.builder().backoffJitter(1.5))
                .isInstanceOf(ValidationException.class).hasMessage("backoffJitter must be in [0, 1) but was 1.5");
        assertThatThrownBy(() -> RoofworxConfig.builder().backoffMultiplier(Double.NaN))
                .isInstanceOf(ValidationException.class).hasMessage("backoffMultiplier must be >= 1.0 but was NaN");
        assertThatThrownBy(() -> RoofworxConfig.builder().projectCacheTtl(null))
                .isInstanceOf(ValidationException.class)
                .hasMessage("projectCacheTtl must not be null but was null");
        assertThatThrownBy(() -> RoofworxConfig.builder().coldLinger(null))
                .isInstanceOf(ValidationException.class)
                .hasMessage("coldLinger must not be null but was null");
        assertThatThrownBy(() -> RoofworxConfig.builder().correctionWindow(Duration.ofHours(36)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("correctionWindow must be a whole number of days, zero or more but was PT36H");
        assertThat(RoofworxConfig.builder().correctionWindow(Duration.ZERO).build().correctionWindow()).isZero();
    }

    @Test
    @DisplayName("build() catches settings that contradict each other")
    void crossField() {
        assertThatThrownBy(() -> RoofworxConfig.builder().backoffInitial(Duration.ofMinutes(10))
                .backoffMax(Duration.ofMinutes(1)).build())
                .isInstanceOf(ValidationException.class)
                .hasMessage("backoffMax must be >= backoffInitial (PT10M) but was PT1M");
    }

    @Test
    @DisplayName("the SDK's builder refuses a missing adapter the same way")
    void builderRefusesMissingAdapters() {
        assertThatThrownBy(() -> Roofworx.builder().build())
                .isInstanceOf(ValidationException.class)
                .hasMessage("projectSource must not be null but was null");
        assertThatThrownBy(() -> Roofworx.builder().config(null))
                .isInstanceOf(ValidationException.class)
                .hasMessage("config must not be null but was null");
    }

    @Test
    @DisplayName("from(base) copies every setting")
    void copies() {
        RoofworxConfig base = RoofworxConfig.builder().batchSize(7).syncAfterSubmit(false).build();
        RoofworxConfig copy = RoofworxConfig.from(base).build();
        assertThat(copy.toString()).isEqualTo(base.toString());
    }
}
