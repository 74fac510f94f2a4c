package com.roofworx.sdk.postgres.internal;

import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.postgres.PostgresStoreException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Borrows a connection per call and turns every {@link SQLException} into a {@link StoreUnavailableException}
 * naming the operation, caused by a {@link PostgresStoreException} that classifies it (transient or permanent).
 * Transactions roll back on any failure, so a failed call has written nothing.
 */
public final class Jdbc {

    /** Work against a borrowed connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final String STORE = "warm";

    private final DataSource dataSource;
    private final int timeoutSeconds;

    public Jdbc(DataSource dataSource, int timeoutSeconds) {
        this.dataSource = dataSource;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when anything throws. */
    public <T> T inTransaction(String operation, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                // Error too: restoring auto-commit below would otherwise commit a half-done transaction.
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                restoreQuietly(connection, autoCommit);
            }
        } catch (SQLException e) {
            throw failed(operation, e);
        }
    }

    /** Runs a single read statement's work without an explicit transaction. */
    public <T> T read(String operation, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failed(operation, e);
        }
    }

    /** The exception every failed call throws: the operation, then the classified database failure. */
    public static StoreUnavailableException failed(String operation, SQLException e) {
        return StoreUnavailableException.of(STORE, operation, PostgresStoreException.of(e));
    }

    /** Prepares {@code sql} with the configured statement time limit. */
    public PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (timeoutSeconds > 0) {
            statement.setQueryTimeout(timeoutSeconds);
        }
        return statement;
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            // The connection is most likely gone; the server discards the open transaction with it.
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static void restoreQuietly(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // A broken connection: the pool will discard it; nothing of ours is left open on it.
        }
    }
}
