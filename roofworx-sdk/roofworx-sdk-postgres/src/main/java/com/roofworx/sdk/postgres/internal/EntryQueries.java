package com.roofworx.sdk.postgres.internal;

import com.roofworx.sdk.model.EntryRevision;
import com.roofworx.sdk.model.TimeEntry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The store's reads and its cold-state writes; each is one statement per call (or per chunk of rows). */
public final class EntryQueries {

    private final Jdbc jdbc;
    private final EntrySql sql;
    private final int batchSize;

    public EntryQueries(Jdbc jdbc, EntrySql sql, int batchSize) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.batchSize = batchSize;
    }

    public Optional<TimeEntry> get(String owner, UUID id) {
        return jdbc.read("get", c -> {
            try (PreparedStatement statement = jdbc.prepare(c, sql.get)) {
                statement.setObject(1, id);
                statement.setString(2, owner);
                return all(statement).stream().findFirst();
            }
        });
    }

    public List<EntryRevision> history(String owner, UUID id) {
        return jdbc.read("history", c -> {
            try (PreparedStatement statement = jdbc.prepare(c, sql.historyOf)) {
                statement.setString(1, owner);
                statement.setObject(2, id);
                try (ResultSet rs = statement.executeQuery()) {
                    List<EntryRevision> versions = new ArrayList<>();
                    while (rs.next()) {
                        versions.add(EntryRows.readRevision(rs));
                    }
                    return versions;
                }
            }
        });
    }

    public List<TimeEntry> range(String owner, LocalDate from, LocalDate to) {
        return jdbc.read("range", c -> {
            try (PreparedStatement statement = jdbc.prepare(c, sql.range)) {
                statement.setString(1, owner);
                statement.setObject(2, from);
                statement.setObject(3, to);
                return all(statement);
            }
        });
    }

    /** Updates in chunks of {@code batchSize} rows, all in one transaction; the last state given for an id wins. */
    public void updateCold(List<TimeEntry> entries) {
        Map<UUID, TimeEntry> latest = new LinkedHashMap<>();
        for (TimeEntry entry : entries) {
            RowChecks.coldRecordId(entry);
            latest.remove(entry.id());
            latest.put(entry.id(), entry);
        }
        List<TimeEntry> rows = new ArrayList<>(latest.values());
        // In id order, like upserts: the usual plan (a loop over the arrays probing the primary key) then locks
        // rows in one order, so overlapping updates wait for each other rather than deadlock.
        rows.sort((a, b) -> EntryRows.UUID_ORDER.compare(a.id(), b.id()));
        jdbc.inTransaction("updateCold", c -> {
            try (PreparedStatement statement = jdbc.prepare(c, sql.updateCold)) {
                for (int from = 0; from < rows.size(); from += batchSize) {
                    EntryRows.bindColdUpdate(c, statement, rows.subList(from, Math.min(rows.size(), from + batchSize)));
                    statement.executeUpdate();
                }
            }
            return null;
        });
    }

    public List<TimeEntry> claimColdDue(Instant now, Instant leaseUntil, int limit) {
        List<TimeEntry> claimed = jdbc.inTransaction("claimColdDue", c -> {
            try (PreparedStatement statement = jdbc.prepare(c, sql.claimColdDue)) {
                statement.setObject(1, EntryRows.timestamp(now));
                statement.setInt(2, limit);
                statement.setObject(3, EntryRows.timestamp(leaseUntil));
                return all(statement);
            }
        });
        // RETURNING has no order of its own
        claimed.sort(EntryRows.CREATED_ORDER);
        return claimed;
    }

    private static List<TimeEntry> all(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            return EntryRows.readAll(rs);
        }
    }
}
