package com.roofworx.sdk.postgres;

import com.roofworx.sdk.Checks;
import com.roofworx.sdk.ValidationException;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Settings of a {@link PostgresWarmEntryStore}. Immutable; start from {@link #ofDefaults()} or {@link #builder()}.
 * Every builder setter checks its value at once and names the field and the value when it refuses it.
 */
public final class PostgresWarmStoreConfig {

    /** Schema holding the entry table and the migration history; kept apart from the embedder's own tables. */
    public static final String DEFAULT_SCHEMA = "roofworx";
    /** Rows sent per statement: large enough to amortise a round trip, small enough to keep arrays modest. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    public static final int MAX_BATCH_SIZE = 10_000;
    /** Longest a single statement may run before the server cancels it. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    // A plain, unquoted-safe PostgreSQL identifier: no quoting surprises, no injection through the name.
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final PostgresWarmStoreConfig DEFAULTS = builder().build();

    private final String schema;
    private final int batchSize;
    private final Duration statementTimeout;

    private PostgresWarmStoreConfig(Builder builder) {
        this.schema = builder.schema;
        this.batchSize = builder.batchSize;
        this.statementTimeout = builder.statementTimeout;
    }

    /**
     * Shortcut for {@code builder().build()}.
     *
     * @return the default settings, never null
     */
    public static PostgresWarmStoreConfig ofDefaults() {
        return DEFAULTS;
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from {@code base}'s values. */
    public static Builder from(PostgresWarmStoreConfig base) {
        Checks.notNull("base", base);
        return new Builder().schema(base.schema).batchSize(base.batchSize).statementTimeout(base.statementTimeout);
    }

    /** The schema holding {@code time_entry}; {@link RoofworxMigrations} creates it there. */
    public String schema() {
        return schema;
    }

    /** The most rows one statement carries; a larger call is split into several statements of one transaction. */
    public int batchSize() {
        return batchSize;
    }

    /** Per-statement time limit (whole seconds, as JDBC counts them); {@link Duration#ZERO} for none. */
    public Duration statementTimeout() {
        return statementTimeout;
    }

    @Override
    public String toString() {
        return "PostgresWarmStoreConfig[schema=" + schema + ", batchSize=" + batchSize
                + ", statementTimeout=" + statementTimeout + "]";
    }

    /** Collects settings; {@link #build()} makes the immutable config. */
    public static final class Builder {
        private String schema = DEFAULT_SCHEMA;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;

        private Builder() {
        }

        /** Lower-case letters, digits and underscores, not starting with a digit, at most 63 characters. */
        public Builder schema(String value) {
            if (value == null || !IDENTIFIER.matcher(value).matches()) {
                throw ValidationException.of("schema", value,
                        "must be a lower-case identifier of 1 to 63 letters, digits or underscores");
            }
            this.schema = value;
            return this;
        }

        /** Between 1 and {@value #MAX_BATCH_SIZE}. */
        public Builder batchSize(int value) {
            if (value < 1 || value > MAX_BATCH_SIZE) {
                throw ValidationException.of("batchSize", value, "must be between 1 and " + MAX_BATCH_SIZE);
            }
            this.batchSize = value;
            return this;
        }

        /** {@link Duration#ZERO} (no limit) or a whole number of seconds, at least one. */
        public Builder statementTimeout(Duration value) {
            if (value == null || value.isNegative() || value.getNano() != 0) {
                throw ValidationException.of("statementTimeout", value,
                        "must be zero (no limit) or a whole number of seconds");
            }
            if (value.getSeconds() > Integer.MAX_VALUE) {
                throw ValidationException.of("statementTimeout", value, "must be at most " + Integer.MAX_VALUE + "s");
            }
            this.statementTimeout = value;
            return this;
        }

        public PostgresWarmStoreConfig build() {
            return new PostgresWarmStoreConfig(this);
        }
    }
}
