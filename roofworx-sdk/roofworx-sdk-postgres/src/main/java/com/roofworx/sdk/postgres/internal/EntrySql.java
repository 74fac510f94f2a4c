package com.roofworx.sdk.postgres.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The store's SQL, for one schema. Statement texts are fixed per store (arrays carry the rows), so the driver
 * prepares each once per connection and reuses the server-side plan.
 * <p>
 * The partial-index predicates ({@code cold_status = 'PENDING'} / {@code 'BLOCKED'}) are literals on purpose:
 * a bound parameter would not let the planner prove that the partial index covers the query.
 */
public final class EntrySql {

    static final String COLUMNS = "id, owner, project_id, work_date, minutes, notes, task_type, created_at, "
            + "cold_status, cold_attempts, cold_last_error, cold_next_attempt_at, cold_record_id, version, voided, "
            + "updated_at";
    static final String HISTORY_COLUMNS = "version, changed_by, changed_at, project_id, work_date, minutes, notes, "
            + "task_type, voided";

    final String insert;
    final String history;
    final String historyOf;
    final String get;
    final String range;
    final String updateCold;
    final String claimColdDue;

    /** @param schema an identifier already checked by the config (lower-case letters, digits, underscores) */
    public EntrySql(String schema) {
        String table = "\"" + schema + "\".time_entry";
        // A newer version of a held entry replaces it: the cold state goes pending again so the cold sink gets the
        // new version, but not before an attempt still leased on the row (GREATEST), so two versions are never in
        // flight to the cold sink together. (xmax = 0) tells an insert from an update.
        insert = """
                INSERT INTO %1$s AS t (%2$s)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::int4[], ?::text[], ?::text[],
                                     ?::timestamptz[], ?::text[], ?::int4[], ?::text[], ?::timestamptz[], ?::text[],
                                     ?::int4[], ?::bool[], ?::timestamptz[])
                ON CONFLICT (id) DO UPDATE SET
                    project_id = excluded.project_id, work_date = excluded.work_date, minutes = excluded.minutes,
                    notes = excluded.notes, task_type = excluded.task_type, version = excluded.version,
                    voided = excluded.voided, updated_at = excluded.updated_at,
                    cold_status = 'PENDING', cold_attempts = 0, cold_last_error = NULL,
                    cold_next_attempt_at = CASE WHEN t.cold_status = 'PENDING'
                        THEN GREATEST(t.cold_next_attempt_at, excluded.cold_next_attempt_at)
                        ELSE excluded.cold_next_attempt_at END
                WHERE excluded.version > t.version AND excluded.owner = t.owner
                RETURNING id, (xmax = 0) AS inserted""".formatted(table, COLUMNS);
        // Only for entries the store holds for that owner: a row refused as another owner's id leaves no trace.
        // The owner is read with a subquery per row, which the planner can only run as a primary-key look-up: as
        // a join it chose a hash join over the whole table while the table's statistics were young (a new or
        // fast-growing table before autovacuum's ANALYZE), making each batch cost a scan of the table.
        String historyTable = "\"" + schema + "\".time_entry_history";
        history = """
                INSERT INTO %s (id, %s)
                SELECT u.* FROM unnest(?::uuid[], ?::int4[], ?::text[], ?::timestamptz[], ?::text[], ?::date[],
                                       ?::int4[], ?::text[], ?::text[], ?::bool[])
                     AS u(id, version, changed_by, changed_at, project_id, work_date, minutes, notes, task_type, voided)
                WHERE (SELECT t.owner FROM %s AS t WHERE t.id = u.id) = u.changed_by
                ON CONFLICT (id, version) DO NOTHING""".formatted(historyTable, HISTORY_COLUMNS, table);
        historyOf = """
                SELECT h.%s FROM %s AS h JOIN %s AS t ON t.id = h.id AND t.owner = ?
                WHERE h.id = ? ORDER BY h.version""".formatted(HISTORY_COLUMNS.replace(", ", ", h."), historyTable,
                table);
        get = "SELECT " + COLUMNS + " FROM " + table + " WHERE id = ? AND owner = ?";
        range = """
                SELECT %s FROM %s
                WHERE owner = ? AND work_date BETWEEN ? AND ?
                ORDER BY work_date, created_at, id""".formatted(COLUMNS, table);
        updateCold = """
                UPDATE %s AS t
                SET cold_status = u.status, cold_attempts = u.attempts, cold_last_error = u.last_error,
                    cold_next_attempt_at = u.next_attempt_at, cold_record_id = u.record_id
                FROM unnest(?::uuid[], ?::text[], ?::int4[], ?::text[], ?::timestamptz[], ?::text[], ?::int4[])
                     AS u(id, status, attempts, last_error, next_attempt_at, record_id, version)
                WHERE t.id = u.id AND t.version = u.version
                  AND (t.cold_status <> 'SYNCED' OR u.status = 'SYNCED')""".formatted(table);
        // One statement: pick due rows in created order, skipping rows another claimer has locked, and move
        // their next attempt to the end of the lease, so a concurrent claim cannot pick them again. The rows
        // come back as they were when claimed (the lease is the store's bookkeeping, not the entry's state).
        claimColdDue = """
                WITH due AS (
                    SELECT id, cold_next_attempt_at AS claimed_next_attempt_at FROM %s
                    WHERE cold_status = 'PENDING'
                      AND (cold_next_attempt_at IS NULL OR cold_next_attempt_at <= ?)
                    ORDER BY created_at, id
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                UPDATE %s AS t SET cold_next_attempt_at = ?
                FROM due WHERE t.id = due.id
                RETURNING %s""".formatted(table, table, prefixed("t.")
                .replace("t.cold_next_attempt_at", "due.claimed_next_attempt_at AS cold_next_attempt_at"));
    }

    private static String prefixed(String prefix) {
        return Arrays.stream(COLUMNS.split(", ")).map(c -> prefix + c).collect(Collectors.joining(", "));
    }
}
