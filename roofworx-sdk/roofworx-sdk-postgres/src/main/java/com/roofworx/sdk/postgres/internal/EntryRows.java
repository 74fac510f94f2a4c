package com.roofworx.sdk.postgres.internal;

import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.EntryRevision;
import com.roofworx.sdk.model.SyncStatus;
import com.roofworx.sdk.model.TimeEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Maps entries to column arrays (one array per column, one element per row) and result rows back to entries. */
final class EntryRows {

    /** PostgreSQL's uuid order (unsigned, byte by byte), which {@link UUID#compareTo} is not. */
    static final Comparator<UUID> UUID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
    /** The order of the store's lists: created-at, then id as the database sorts it. */
    static final Comparator<TimeEntry> CREATED_ORDER = Comparator.comparing(TimeEntry::createdAt)
            .thenComparing(TimeEntry::id, UUID_ORDER);

    private EntryRows() {
    }

    /** Binds the 16 column arrays of {@code rows} to {@code statement}'s parameters 1..16 (insert order). */
    static void bindInsert(Connection connection, PreparedStatement statement, List<TimeEntry> rows)
            throws SQLException {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] owners = new String[n], projects = new String[n], dates = new String[n], notes = new String[n],
                tasks = new String[n], created = new String[n], statuses = new String[n], errors = new String[n],
                next = new String[n], records = new String[n];
        Integer[] minutes = new Integer[n], attempts = new Integer[n], versions = new Integer[n];
        Boolean[] voided = new Boolean[n];
        String[] updated = new String[n];
        for (int i = 0; i < n; i++) {
            TimeEntry e = rows.get(i);
            versions[i] = e.version();
            voided[i] = e.voided();
            updated[i] = text(e.updatedAt());
            ids[i] = e.id();
            owners[i] = e.owner();
            projects[i] = e.projectId();
            dates[i] = e.workDate().toString();
            minutes[i] = e.minutes();
            notes[i] = e.notes();
            tasks[i] = e.taskType();
            created[i] = text(e.createdAt());
            statuses[i] = e.cold().status().name();
            attempts[i] = e.cold().attempts();
            errors[i] = RowChecks.errorText(e.cold().lastError());
            next[i] = text(e.cold().nextAttemptAt());
            records[i] = e.coldRecordId();
        }
        Object[][] columns = {ids, owners, projects, dates, minutes, notes, tasks, created, statuses, attempts,
                errors, next, records, versions, voided, updated};
        String[] types = {"uuid", "text", "text", "text", "int4", "text", "text", "text", "text", "int4", "text",
                "text", "text", "int4", "bool", "text"};
        for (int c = 0; c < columns.length; c++) {
            statement.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
        }
    }

    /**
     * Binds the 10 column arrays of a history insert: every version {@code rows} carry
     * ({@link TimeEntry#revisionsToRecord()}), each once.
     */
    static void bindHistory(Connection connection, PreparedStatement statement, List<TimeEntry> rows)
            throws SQLException {
        List<UUID> ids = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        List<EntryRevision> revisions = new ArrayList<>();
        for (TimeEntry e : rows) {
            for (EntryRevision r : e.revisionsToRecord()) {
                ids.add(e.id());
                owners.add(e.owner());
                revisions.add(r);
            }
        }
        int n = revisions.size();
        Integer[] versions = new Integer[n], minutes = new Integer[n];
        String[] changedAt = new String[n], projects = new String[n], dates = new String[n], notes = new String[n],
                tasks = new String[n];
        Boolean[] voided = new Boolean[n];
        for (int i = 0; i < n; i++) {
            EntryRevision r = revisions.get(i);
            versions[i] = r.version();
            changedAt[i] = text(r.changedAt());
            projects[i] = r.projectId();
            dates[i] = r.workDate().toString();
            minutes[i] = r.minutes();
            notes[i] = r.notes();
            tasks[i] = r.taskType();
            voided[i] = r.voided();
        }
        Object[][] columns = {ids.toArray(new UUID[0]), versions, owners.toArray(new String[0]), changedAt, projects,
                dates, minutes, notes, tasks, voided};
        String[] types = {"uuid", "int4", "text", "text", "text", "text", "int4", "text", "text", "bool"};
        for (int c = 0; c < columns.length; c++) {
            statement.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
        }
    }

    static EntryRevision readRevision(ResultSet rs) throws SQLException {
        return new EntryRevision(rs.getInt("version"), rs.getString("project_id"),
                rs.getObject("work_date", LocalDate.class), rs.getInt("minutes"), rs.getString("notes"),
                rs.getString("task_type"), rs.getBoolean("voided"),
                instant(rs.getObject("changed_at", OffsetDateTime.class)));
    }

    /** Binds the 7 column arrays of an {@code updateCold} statement. */
    static void bindColdUpdate(Connection connection, PreparedStatement statement, List<TimeEntry> rows)
            throws SQLException {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] statuses = new String[n], errors = new String[n], next = new String[n], records = new String[n];
        Integer[] attempts = new Integer[n], versions = new Integer[n];
        for (int i = 0; i < n; i++) {
            TimeEntry e = rows.get(i);
            ids[i] = e.id();
            versions[i] = e.version();
            statuses[i] = e.cold().status().name();
            attempts[i] = e.cold().attempts();
            errors[i] = RowChecks.errorText(e.cold().lastError());
            next[i] = text(e.cold().nextAttemptAt());
            records[i] = e.coldRecordId();
        }
        statement.setArray(1, connection.createArrayOf("uuid", ids));
        statement.setArray(2, connection.createArrayOf("text", statuses));
        statement.setArray(3, connection.createArrayOf("int4", attempts));
        statement.setArray(4, connection.createArrayOf("text", errors));
        statement.setArray(5, connection.createArrayOf("text", next));
        statement.setArray(6, connection.createArrayOf("text", records));
        statement.setArray(7, connection.createArrayOf("int4", versions));
    }

    /** Reads every row of {@code rs}; entries held by the warm store are warm SYNCED by definition. */
    static List<TimeEntry> readAll(ResultSet rs) throws SQLException {
        List<TimeEntry> entries = new ArrayList<>();
        while (rs.next()) {
            entries.add(read(rs));
        }
        return entries;
    }

    static TimeEntry read(ResultSet rs) throws SQLException {
        DestinationState cold = new DestinationState(SyncStatus.valueOf(rs.getString("cold_status")),
                rs.getInt("cold_attempts"), rs.getString("cold_last_error"),
                instant(rs.getObject("cold_next_attempt_at", OffsetDateTime.class)));
        return new TimeEntry(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getString("project_id"),
                rs.getObject("work_date", LocalDate.class), rs.getInt("minutes"), rs.getString("notes"),
                rs.getString("task_type"), instant(rs.getObject("created_at", OffsetDateTime.class)),
                DestinationState.synced(), cold, rs.getString("cold_record_id"), rs.getInt("version"),
                rs.getBoolean("voided"), instant(rs.getObject("updated_at", OffsetDateTime.class)), List.of());
    }

    /** The instant as PostgreSQL stores it: microseconds, so what is read back equals what was written. */
    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : micros(instant).atOffset(ZoneOffset.UTC);
    }

    // ISO-8601 with an explicit zone: the server parses it the same whatever its TimeZone setting.
    private static String text(Instant instant) {
        return instant == null ? null : micros(instant).toString();
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
