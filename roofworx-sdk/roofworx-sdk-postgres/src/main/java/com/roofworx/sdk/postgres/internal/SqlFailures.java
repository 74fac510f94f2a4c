package com.roofworx.sdk.postgres.internal;

import com.roofworx.sdk.spi.FailureKind;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure waiting can fix from one an operator must fix, by SQLSTATE. The engine pauses the destination
 * either way and never blocks an entry for a whole-call failure, so a wrong answer here costs a misleading
 * message, never data. Hence the default: anything not known to need an operator is {@code TRANSIENT}.
 */
public final class SqlFailures {

    /** Whole SQLSTATE classes where retrying cannot help until someone changes the database or the settings. */
    private static final Map<String, String> PERMANENT_CLASSES = Map.of(
            "28", "invalid authorization: wrong user or password (28000, 28P01)",
            "3D", "the database does not exist",
            "3F", "the schema does not exist",
            "42", "missing table or column, permission denied (42501): schema or grants out of step",
            "0A", "feature not supported: a server too old for the adapter's SQL",
            // a row problem reaching a whole call (updateCold, a replay) will fail again on every retry
            "22", "data exception",
            "23", "integrity violation, e.g. a constraint a deployer added");

    /** Single states that need an operator although their class is otherwise transient. */
    private static final Set<String> PERMANENT_STATES = Set.of(
            "53100" // disk full: the server stays up but cannot write until space is freed
    );

    private static final int MAX_DEPTH = 8;

    private SqlFailures() {
    }

    /**
     * {@code PERMANENT} for the states above; {@code TRANSIENT} for everything else, notably connection failures
     * (class 08: refused, reset), query cancelled (57014: statement timeout), server shutting down or starting
     * (57P01-57P03), insufficient resources (53: too many connections, out of memory), serialization failure and
     * deadlock (class 40), lock not available (55P03), I/O error (58), and a pool that had no connection to give.
     */
    public static FailureKind kindOf(SQLException failure) {
        String state = stateOf(failure);
        if (state == null) {
            return FailureKind.TRANSIENT;
        }
        return PERMANENT_STATES.contains(state) || PERMANENT_CLASSES.containsKey(state.substring(0, 2))
                ? FailureKind.PERMANENT : FailureKind.TRANSIENT;
    }

    /**
     * The first well-formed SQLSTATE on {@code failure} or its causes. A pool's own exception (HikariCP's "connection
     * is not available") carries the state of the last failed connect, or none, so the underlying reason decides.
     */
    public static String stateOf(SQLException failure) {
        Throwable t = failure;
        // bounded: a cause chain can be a cycle
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
