package com.roofworx.sdk.postgres;

import com.roofworx.sdk.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresWarmStoreConfigTest {

    @Test
    void defaultsAreTheNamedConstants() {
        PostgresWarmStoreConfig config = PostgresWarmStoreConfig.ofDefaults();

        assertThat(config.schema()).isEqualTo(PostgresWarmStoreConfig.DEFAULT_SCHEMA).isEqualTo("roofworx");
        assertThat(config.batchSize()).isEqualTo(PostgresWarmStoreConfig.DEFAULT_BATCH_SIZE);
        assertThat(config.statementTimeout()).isEqualTo(PostgresWarmStoreConfig.DEFAULT_STATEMENT_TIMEOUT);
    }

    @Test
    void fromCopiesABaseAndChangesOnlyWhatIsSet() {
        PostgresWarmStoreConfig base = PostgresWarmStoreConfig.builder().schema("crew_a").batchSize(50).build();

        PostgresWarmStoreConfig copy = PostgresWarmStoreConfig.from(base).statementTimeout(Duration.ZERO).build();

        assertThat(copy.schema()).isEqualTo("crew_a");
        assertThat(copy.batchSize()).isEqualTo(50);
        assertThat(copy.statementTimeout()).isZero();
        assertThat(base.statementTimeout()).isEqualTo(PostgresWarmStoreConfig.DEFAULT_STATEMENT_TIMEOUT);
    }

    @Test
    void refusedValuesNameTheFieldAndTheValue() {
        var builder = PostgresWarmStoreConfig.builder();

        assertThatThrownBy(() -> builder.batchSize(0)).isInstanceOf(ValidationException.class)
                .hasMessage("batchSize must be between 1 and 10000 but was 0");
        assertThatThrownBy(() -> builder.batchSize(10_001)).hasMessageEndingWith("but was 10001");
        assertThatThrownBy(() -> builder.schema("Roofworx; DROP TABLE x")).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("schema must be a lower-case identifier")
                .hasMessageEndingWith("but was Roofworx; DROP TABLE x");
        assertThatThrownBy(() -> builder.schema(null)).hasMessageEndingWith("but was null");
        assertThatThrownBy(() -> builder.schema("a".repeat(64))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> builder.statementTimeout(Duration.ofMillis(1500)))
                .hasMessage("statementTimeout must be zero (no limit) or a whole number of seconds but was PT1.5S");
        assertThatThrownBy(() -> builder.statementTimeout(Duration.ofSeconds(-1)))
                .hasMessageEndingWith("but was PT-1S");
    }

    @Test
    void acceptsTheEdgesOfEachRange() {
        PostgresWarmStoreConfig config = PostgresWarmStoreConfig.builder().batchSize(1).batchSize(10_000)
                .schema("_x9").schema("a".repeat(63)).statementTimeout(Duration.ofSeconds(1)).build();

        assertThat(config.batchSize()).isEqualTo(10_000);
        assertThat(config.schema()).hasSize(63);
        assertThat(config.toString()).contains("batchSize=10000");
    }
}
