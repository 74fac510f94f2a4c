package com.roofworx.sdk.postgres;

import com.roofworx.sdk.RoofworxException;
import com.roofworx.sdk.postgres.internal.SqlFailures;
import com.roofworx.sdk.spi.ClassifiedFailure;
import com.roofworx.sdk.spi.FailureKind;

import java.sql.SQLException;

/**
 * What the database said when a call failed, classified: {@link FailureKind#TRANSIENT} when waiting can help (the
 * server is down, restarting, overloaded or slow), {@link FailureKind#PERMANENT} when an operator must act first
 * (the schema is missing, a grant or a password is wrong). The store throws it as the cause of a
 * {@link com.roofworx.sdk.StoreUnavailableException}, whose type callers already handle; the sync engine finds it
 * on the cause chain. Its message is the driver's, so the outer message reads as before.
 */
public final class PostgresStoreException extends RoofworxException implements ClassifiedFailure {
    private static final long serialVersionUID = 1L;

    private final FailureKind failureKind;
    private final String sqlState;

    private PostgresStoreException(Throwable cause, FailureKind failureKind, String sqlState) {
        super(String.valueOf(cause.getMessage()), cause);
        this.failureKind = failureKind;
        this.sqlState = sqlState;
    }

    /** Classifies {@code cause} by its SQLSTATE (see {@link SqlFailures#kindOf}). */
    public static PostgresStoreException of(SQLException cause) {
        return new PostgresStoreException(cause, SqlFailures.kindOf(cause), SqlFailures.stateOf(cause));
    }

    /**
     * Classifies a migration failure by the database error under it; one without (a checksum mismatch, a script
     * missing from the classpath) needs an operator.
     */
    static PostgresStoreException ofMigration(RuntimeException failure) {
        Throwable t = failure.getCause();
        // bounded: a cause chain can be a cycle
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return new PostgresStoreException(failure, SqlFailures.kindOf(sql), SqlFailures.stateOf(sql));
            }
        }
        return new PostgresStoreException(failure, FailureKind.PERMANENT, null);
    }

    @Override
    public FailureKind failureKind() {
        return failureKind;
    }

    /** The five-character SQLSTATE that decided the kind ({@code 42P01}, {@code 08001}...), or null if none was given. */
    public String sqlState() {
        return sqlState;
    }
}
