package com.roofworx.sdk.postgres.internal;

import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.WarmEntryStore.UpsertResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Upserts a batch inside the caller's transaction: {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT (id)
 * DO UPDATE ... WHERE excluded.version > version RETURNING id}, one statement per chunk of {@code batchSize} rows,
 * so ids already stored at the same or a newer version are skipped and the ids returned are exactly the rows
 * written; then the chunk's versions go into the history table (one more statement, ON CONFLICT DO NOTHING).
 * <p>
 * Rows are sent in the database's id order. Two transactions inserting overlapping batches then meet their
 * common ids in the same order, so one waits for the other instead of deadlocking.
 * <p>
 * A row that breaks a constraint ({@link RowChecks} catches the table's own limits before sending; a
 * constraint it does not know, such as one a deployer added, surfaces as a failed statement) is isolated so the
 * rest still lands: the transaction is rolled back and the batch replayed chunk by chunk, each chunk inside a
 * savepoint; a chunk that fails again is replayed row by row, each row inside a savepoint, and the rows that
 * fail on their own are reported as rejected. The fast path pays for no savepoint.
 */
public final class BatchUpserter {

    private final Jdbc jdbc;
    private final EntrySql sql;
    private final int batchSize;

    public BatchUpserter(Jdbc jdbc, EntrySql sql, int batchSize) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.batchSize = batchSize;
    }

    /** Upserts {@code entries} in one transaction of {@code connection} (auto-commit off), not committing it. */
    public UpsertResult upsert(Connection connection, List<TimeEntry> entries) throws SQLException {
        Map<UUID, String> rejected = new HashMap<>();
        List<TimeEntry> rows = acceptable(entries, rejected);
        Written written = new Written();
        try {
            for (int from = 0; from < rows.size(); from += batchSize) {
                insert(connection, rows.subList(from, Math.min(rows.size(), from + batchSize)), written);
            }
        } catch (SQLException e) {
            if (!isRowProblem(e)) {
                throw e;
            }
            connection.rollback();
            written = new Written();
            insertIsolating(connection, rows, written, rejected);
        }
        return new UpsertResult(written.inserted, written.updated, rejected);
    }

    /** The rows worth sending, once each (the first of repeated ids wins), in the database's id order. */
    private static List<TimeEntry> acceptable(List<TimeEntry> entries, Map<UUID, String> rejected) {
        Map<UUID, TimeEntry> unique = new LinkedHashMap<>();
        for (TimeEntry entry : entries) {
            if (unique.containsKey(entry.id()) || rejected.containsKey(entry.id())) {
                continue;
            }
            String problem = RowChecks.problem(entry);
            if (problem == null) {
                unique.put(entry.id(), entry);
            } else {
                rejected.put(entry.id(), problem);
            }
        }
        List<TimeEntry> rows = new ArrayList<>(unique.values());
        rows.sort((a, b) -> EntryRows.UUID_ORDER.compare(a.id(), b.id()));
        return rows;
    }

    private void insertIsolating(Connection connection, List<TimeEntry> rows, Written inserted,
                                 Map<UUID, String> rejected) throws SQLException {
        for (int from = 0; from < rows.size(); from += batchSize) {
            List<TimeEntry> chunk = rows.subList(from, Math.min(rows.size(), from + batchSize));
            // a one-row chunk that fails is rejected by attempt() itself
            if (!attempt(connection, chunk, inserted, rejected) && chunk.size() > 1) {
                for (TimeEntry row : chunk) {
                    attempt(connection, List.of(row), inserted, rejected);
                }
            }
        }
    }

    /** Inserts {@code rows} inside a savepoint; false (and a rejection when it is one row) when they broke a rule. */
    private boolean attempt(Connection connection, List<TimeEntry> rows, Written inserted,
                            Map<UUID, String> rejected) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        Written here = new Written();
        try {
            insert(connection, rows, here);
            inserted.inserted.addAll(here.inserted);
            inserted.updated.addAll(here.updated);
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!isRowProblem(e)) {
                throw e;
            }
            connection.rollback(savepoint);
            if (rows.size() == 1) {
                rejected.put(rows.get(0).id(), reason(e));
            }
            return false;
        }
    }

    private void insert(Connection connection, List<TimeEntry> rows, Written written) throws SQLException {
        try (PreparedStatement statement = jdbc.prepare(connection, sql.insert)) {
            EntryRows.bindInsert(connection, statement, rows);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    (rs.getBoolean(2) ? written.inserted : written.updated).add(rs.getObject(1, UUID.class));
                }
            }
        }
        try (PreparedStatement statement = jdbc.prepare(connection, sql.history)) {
            EntryRows.bindHistory(connection, statement, rows);
            statement.executeUpdate();
        }
    }

    /** The ids a call wrote so far: new rows, and rows replaced with a newer version. */
    private static final class Written {
        final Set<UUID> inserted = new HashSet<>();
        final Set<UUID> updated = new HashSet<>();
    }

    /**
     * Integrity violations (SQLSTATE class 23) and data exceptions (class 22) are the row's own fault; anything
     * else (a lost connection, a cancelled statement, a deadlock) fails the whole call.
     */
    static boolean isRowProblem(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("22"));
    }

    /**
     * The server's primary message ("new row ... violates check constraint ..."), without its detail line, which
     * would repeat the whole row.
     */
    static String reason(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        String first = (newline < 0 ? message : message.substring(0, newline)).trim();
        return first.startsWith("ERROR: ") ? first.substring("ERROR: ".length()) : first;
    }
}
