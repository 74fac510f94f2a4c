package com.roofworx.sdk.postgres.internal;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.TimeEntry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Entries the cold sink refused (cold BLOCKED) for operators to list and replay, plus the owner lookup a submit
 * makes. Each call is one statement; the partial index {@code time_entry_cold_blocked_idx} keeps the blocked ones
 * apart from the (many) synced rows.
 */
public final class BlockedQueries {

    private final Jdbc jdbc;
    private final String table;

    /** @param schema an identifier already checked by the config */
    public BlockedQueries(Jdbc jdbc, String schema) {
        this.jdbc = jdbc;
        this.table = "\"" + schema + "\".time_entry";
    }

    /** One page in (created_at, id) order: an index range scan that stops after {@code limit} matching rows. */
    public List<TimeEntry> page(BlockedFilter filter, BlockedPosition after, int limit) {
        BlockedSql where = new BlockedSql(filter, after);
        String sql = pageSql(where);
        return jdbc.read("coldBlocked", c -> {
            try (PreparedStatement statement = jdbc.prepare(c, sql)) {
                statement.setInt(where.bind(statement, 1), limit);
                try (ResultSet rs = statement.executeQuery()) {
                    return EntryRows.readAll(rs);
                }
            }
        });
    }

    public long count() {
        return countWithColdStatus("coldBlockedCount", "BLOCKED");
    }

    /** The cold backlog: walks the partial index of pending rows, which holds only those. */
    public long pendingCount() {
        return countWithColdStatus("coldPendingCount", "PENDING");
    }

    private long countWithColdStatus(String operation, String status) {
        return jdbc.read(operation, c -> {
            // The status is a literal so the planner can match the partial index on it.
            try (PreparedStatement statement = jdbc.prepare(c,
                    "SELECT count(*) FROM " + table + " WHERE cold_status = '" + status + "'");
                 ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public Optional<TimeEntry> entry(UUID id) {
        String sql = "SELECT " + EntrySql.COLUMNS + " FROM " + table + " WHERE id = ? AND cold_status = 'BLOCKED'";
        return jdbc.read("coldBlockedEntry", c -> {
            try (PreparedStatement statement = jdbc.prepare(c, sql)) {
                statement.setObject(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    return EntryRows.readAll(rs).stream().findFirst();
                }
            }
        });
    }

    /**
     * One UPDATE, so one transaction: every matching row or none. Status, attempts and due time change; the last
     * error stays for the operator to see what was replayed.
     */
    public int replay(BlockedFilter filter, Instant now) {
        BlockedSql where = new BlockedSql(filter, null);
        String sql = replaySql(where);
        return jdbc.inTransaction("replayColdBlocked", c -> {
            try (PreparedStatement statement = jdbc.prepare(c, sql)) {
                statement.setObject(1, EntryRows.timestamp(now));
                where.bind(statement, 2);
                return statement.executeUpdate();
            }
        });
    }

    String pageSql(BlockedSql where) {
        return "SELECT " + EntrySql.COLUMNS + " FROM " + table + " WHERE " + where.where()
                + " ORDER BY created_at, id LIMIT ?";
    }

    /** Parameter 1 is the due time; the filter's follow. */
    String replaySql(BlockedSql where) {
        return "UPDATE " + table + " SET cold_status = 'PENDING', cold_attempts = 0, cold_next_attempt_at = ?"
                + " WHERE " + where.where();
    }

    /** A primary-key probe reading one column: every submit asks it, so it stays one cheap statement. */
    public Optional<String> ownerOf(UUID id) {
        String sql = "SELECT owner FROM " + table + " WHERE id = ?";
        return jdbc.read("ownerOf", c -> {
            try (PreparedStatement statement = jdbc.prepare(c, sql)) {
                statement.setObject(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
