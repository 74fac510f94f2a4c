package com.roofworx.sdk.redis;

import com.roofworx.sdk.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisAdapterConfigTest {

    @Test
    @DisplayName("defaults: prefix rw:, 30 days retention, 2 s timeout")
    void defaults() {
        RedisAdapterConfig config = RedisAdapterConfig.ofDefaults();
        assertThat(config.keyPrefix()).isEqualTo("rw:");
        assertThat(config.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.commandTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.trimBatch()).isEqualTo(RedisAdapterConfig.DEFAULT_TRIM_BATCH);
    }

    @Test
    @DisplayName("from() copies every field")
    void copy() {
        RedisAdapterConfig base = RedisAdapterConfig.builder().keyPrefix("app1:").retention(Duration.ofDays(7))
                .commandTimeout(Duration.ofMillis(500)).trimBatch(5).build();
        assertThat(RedisAdapterConfig.from(base).build()).hasToString(base.toString());
    }

    @Test
    @DisplayName("refuses bad values, naming the field and the value")
    void validation() {
        assertThatThrownBy(() -> RedisAdapterConfig.builder().keyPrefix("a{b}:"))
                .isInstanceOf(ValidationException.class).hasMessage("keyPrefix must not contain '{' or '}' but was a{b}:");
        assertThatThrownBy(() -> RedisAdapterConfig.builder().keyPrefix(null))
                .hasMessage("keyPrefix must not be null but was null");
        assertThatThrownBy(() -> RedisAdapterConfig.builder().retention(Duration.ofDays(-1)))
                .hasMessage("retention must be at least 1 ms but was PT-24H");
        assertThatThrownBy(() -> RedisAdapterConfig.builder().commandTimeout(Duration.ZERO))
                .hasMessage("commandTimeout must be at least 1 ms but was PT0S");
        assertThatThrownBy(() -> RedisAdapterConfig.builder().trimBatch(0))
                .hasMessage("trimBatch must be between 1 and 10000 but was 0");
        assertThatThrownBy(() -> RedisAdapterConfig.builder().keyPrefix("x".repeat(65)))
                .hasMessageStartingWith("keyPrefix must be at most 64 characters but was xxx");
    }

    @Test
    @DisplayName("a malformed Redis URI is refused without echoing it (it may hold a password)")
    void badUri() {
        assertThatThrownBy(() -> RedisAdapter.connect("redis://user:secret@host:99999", RedisAdapterConfig.ofDefaults()))
                .isInstanceOf(ValidationException.class).hasMessageNotContaining("secret");
    }
}
