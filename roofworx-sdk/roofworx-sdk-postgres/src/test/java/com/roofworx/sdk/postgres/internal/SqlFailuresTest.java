package com.roofworx.sdk.postgres.internal;

import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.postgres.PostgresStoreException;
import com.roofworx.sdk.spi.ClassifiedFailure;
import com.roofworx.sdk.spi.FailureKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlFailuresTest {

    @ParameterizedTest(name = "{0} ({2}) is {1}")
    @CsvSource({
            "08001, TRANSIENT, connection refused",
            "08006, TRANSIENT, connection lost mid-call",
            "08004, TRANSIENT, server rejected the connection",
            "57014, TRANSIENT, statement timeout",
            "57P01, TRANSIENT, admin shutdown",
            "57P02, TRANSIENT, crash shutdown",
            "57P03, TRANSIENT, server starting up",
            "53300, TRANSIENT, too many connections",
            "53200, TRANSIENT, out of memory",
            "40001, TRANSIENT, serialization failure",
            "40P01, TRANSIENT, deadlock detected",
            "55P03, TRANSIENT, lock not available",
            "58030, TRANSIENT, I/O error",
            "XX000, TRANSIENT, internal error",
            "42P01, PERMANENT, undefined table",
            "3F000, PERMANENT, invalid schema name",
            "42501, PERMANENT, permission denied",
            "42703, PERMANENT, undefined column",
            "28P01, PERMANENT, invalid password",
            "28000, PERMANENT, invalid authorization",
            "3D000, PERMANENT, database does not exist",
            "53100, PERMANENT, disk full",
            "23514, PERMANENT, check violation in a whole-call write"})
    void classifiesBySqlState(String state, FailureKind kind, String what) {
        assertThat(SqlFailures.kindOf(new SQLException(what, state))).isEqualTo(kind);
        assertThat(PostgresStoreException.of(new SQLException(what, state)).failureKind()).isEqualTo(kind);
    }

    @Test
    void withoutAnyStateAFailureIsTransient() {
        assertThat(SqlFailures.kindOf(new SQLException("socket closed"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(SqlFailures.kindOf(new SQLException("odd", "42"))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void anExhaustedPoolIsTransientUnlessTheReasonUnderItNeedsAnOperator() {
        SQLException timedOut = new SQLTransientConnectionException("pool - Connection is not available");
        assertThat(SqlFailures.kindOf(timedOut)).isEqualTo(FailureKind.TRANSIENT);

        SQLException wrongPassword = new SQLTransientConnectionException("pool - Connection is not available",
                null, new SQLException("password authentication failed", "28P01"));
        assertThat(SqlFailures.kindOf(wrongPassword)).isEqualTo(FailureKind.PERMANENT);
        assertThat(SqlFailures.stateOf(wrongPassword)).isEqualTo("28P01");

        SQLException refused = new SQLException("Connection to localhost:1 refused", "08001", new ConnectException());
        assertThat(SqlFailures.kindOf(new SQLTransientConnectionException("pool", null, refused)))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void theStoresExceptionCarriesTheClassificationOnItsCauseChainAndKeepsTheMessage() {
        StoreUnavailableException thrown = Jdbc.failed("upsert",
                new SQLException("ERROR: relation \"roofworx.time_entry\" does not exist", "42P01"));

        assertThat(thrown.getMessage())
                .isEqualTo("warm failed during upsert: ERROR: relation \"roofworx.time_entry\" does not exist");
        assertThat(thrown.getCause()).isInstanceOf(ClassifiedFailure.class);
        PostgresStoreException cause = (PostgresStoreException) thrown.getCause();
        assertThat(cause.failureKind()).isEqualTo(FailureKind.PERMANENT);
        assertThat(cause.sqlState()).isEqualTo("42P01");
    }
}
