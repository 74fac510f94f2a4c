package com.roofworx.sdk.redis;

import com.roofworx.sdk.Checks;
import com.roofworx.sdk.ValidationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the Redis adapters. Immutable; build with {@link #builder()}, start from {@link #ofDefaults()}
 * or copy with {@link #from(RedisAdapterConfig)}. Every setter checks its value at once and names the field
 * and the value when it refuses one.
 */
public final class RedisAdapterConfig {
    public static final String DEFAULT_KEY_PREFIX = "rw:";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_TRIM_BATCH = 32;
    static final int MAX_KEY_PREFIX_LENGTH = 64;
    static final int MAX_TRIM_BATCH = 10_000;

    private final String keyPrefix;
    private final Duration retention;
    private final Duration commandTimeout;
    private final int trimBatch;
    private final boolean singleSlotScripts;
    private final Path tlsCaCertificates;
    private final RedisTlsVerify tlsVerify;

    private RedisAdapterConfig(Builder builder) {
        this.tlsCaCertificates = builder.tlsCaCertificates;
        this.tlsVerify = builder.tlsVerify;
        this.singleSlotScripts = builder.singleSlotScripts;
        this.keyPrefix = builder.keyPrefix;
        this.retention = builder.retention;
        this.commandTimeout = builder.commandTimeout;
        this.trimBatch = builder.trimBatch;
    }

    /**
     * Shortcut for {@code builder().build()}.
     *
     * @return the default settings, never null
     */
    public static RedisAdapterConfig ofDefaults() {
        return builder().build();
    }

    /**
     * A builder holding the defaults.
     *
     * @return a new builder, never null
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding {@code base}'s values, to change a few of them.
     *
     * @param base the settings to start from
     * @return a new builder, never null
     */
    public static Builder from(RedisAdapterConfig base) {
        return new Builder().keyPrefix(base.keyPrefix).retention(base.retention)
                .commandTimeout(base.commandTimeout).trimBatch(base.trimBatch)
                .singleSlotScripts(base.singleSlotScripts).tlsCaCertificates(base.tlsCaCertificates)
                .tlsVerify(base.tlsVerify);
    }

    /** Start of every key, so several applications (or tests) can share one Redis. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** How long after its work date a warm-synced entry is kept in Redis. */
    public Duration retention() {
        return retention;
    }

    /** The longest a call waits for Redis before it fails with a StoreUnavailableException. */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** How many old by-date index members one insert examines for trimming (bounds the script's work). */
    public int trimBatch() {
        return trimBatch;
    }

    /**
     * Keep every script within one hash slot even on a standalone connection, as on Redis Cluster (for a proxy
     * that fronts a cluster). Off by default: on one node the submit script also updates the due index, which
     * saves a command per submit.
     */
    public boolean singleSlotScripts() {
        return singleSlotScripts;
    }

    /**
     * For {@code rediss://} URIs: a PEM file of the CA certificates the server's certificate must chain to;
     * empty means the JVM's trust store (enough for services with publicly trusted certificates).
     */
    public Optional<Path> tlsCaCertificates() {
        return Optional.ofNullable(tlsCaCertificates);
    }

    /** For {@code rediss://} URIs: how the server's certificate is checked ({@link RedisTlsVerify#FULL} by default). */
    public RedisTlsVerify tlsVerify() {
        return tlsVerify;
    }

    @Override
    public String toString() {
        return "RedisAdapterConfig[keyPrefix=" + keyPrefix + ", retention=" + retention
                + ", commandTimeout=" + commandTimeout + ", trimBatch=" + trimBatch
                + ", singleSlotScripts=" + singleSlotScripts + ", tlsCaCertificates=" + tlsCaCertificates
                + ", tlsVerify=" + tlsVerify + "]";
    }

    /** Builds a {@link RedisAdapterConfig}. */
    public static final class Builder {
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private Duration retention = DEFAULT_RETENTION;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private int trimBatch = DEFAULT_TRIM_BATCH;
        private boolean singleSlotScripts;
        private Path tlsCaCertificates;
        private RedisTlsVerify tlsVerify = RedisTlsVerify.FULL;

        private Builder() {
        }

        /** A readable PEM file of trusted CA certificates for TLS connections; null for the JVM's trust store. */
        public Builder tlsCaCertificates(Path value) {
            if (value != null && !Files.isReadable(value)) {
                throw ValidationException.of("tlsCaCertificates", value, "must be a readable PEM file");
            }
            this.tlsCaCertificates = value;
            return this;
        }

        public Builder tlsVerify(RedisTlsVerify value) {
            if (value == null) {
                throw ValidationException.of("tlsVerify", null, "must not be null");
            }
            this.tlsVerify = value;
            return this;
        }

        public Builder singleSlotScripts(boolean value) {
            this.singleSlotScripts = value;
            return this;
        }

        /** Braces are refused: they would change the keys' hash tags and so their cluster slots. */
        public Builder keyPrefix(String value) {
            if (value == null) {
                throw ValidationException.of("keyPrefix", null, "must not be null");
            }
            if (value.indexOf('{') >= 0 || value.indexOf('}') >= 0) {
                throw ValidationException.of("keyPrefix", value, "must not contain '{' or '}'");
            }
            if (value.length() > MAX_KEY_PREFIX_LENGTH) {
                throw ValidationException.of("keyPrefix", value,
                        "must be at most " + MAX_KEY_PREFIX_LENGTH + " characters");
            }
            this.keyPrefix = value;
            return this;
        }

        public Builder retention(Duration value) {
            this.retention = positive("retention", value);
            return this;
        }

        public Builder commandTimeout(Duration value) {
            this.commandTimeout = positive("commandTimeout", value);
            return this;
        }

        public Builder trimBatch(int value) {
            if (value < 1 || value > MAX_TRIM_BATCH) {
                throw ValidationException.of("trimBatch", value, "must be between 1 and " + MAX_TRIM_BATCH);
            }
            this.trimBatch = value;
            return this;
        }

        public RedisAdapterConfig build() {
            return new RedisAdapterConfig(this);
        }

        // Redis keeps expiries in whole milliseconds: a shorter duration would mean none.
        private static Duration positive(String field, Duration value) {
            Checks.notNull(field, value);
            if (value.isNegative() || value.toMillis() < 1) {
                throw ValidationException.of(field, value, "must be at least 1 ms");
            }
            return value;
        }
    }
}
