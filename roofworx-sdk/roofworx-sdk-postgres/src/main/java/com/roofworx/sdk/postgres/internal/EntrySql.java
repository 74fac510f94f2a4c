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
            + "cold_status, cold_attempts, cold_last_error, cold_next_attempt_at, cold_record_id";

    final String insert;
    final String get;
    final String range;
    final String updateCold;
    final String claimColdDue;

    /** @param schema an identifier already checked by the config (lower-case letters, digits, underscores) */
    public EntrySql(String schema) {
        String table = "\"" + schema + "\".time_entry";
        insert = """
                INSERT INTO %s (%s)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::int4[], ?::text[], ?::text[],
                                     ?::timestamptz[], ?::text[], ?::int4[], ?::text[], ?::timestamptz[], ?::text[])
                ON CONFLICT (id) DO NOTHING
                RETURNING id""".formatted(table, COLUMNS);
        get = "SELECT " + COLUMNS + " FROM " + table + " WHERE id = ? AND owner = ?";
        range = """
                SELECT %s FROM %s
                WHERE owner = ? AND work_date BETWEEN ? AND ?
                ORDER BY work_date, created_at, id""".formatted(COLUMNS, table);
        updateCold = """
                UPDATE %s AS t
                SET cold_status = u.status, cold_attempts = u.attempts, cold_last_error = u.last_error,
                    cold_next_attempt_at = u.next_attempt_at, cold_record_id = u.record_id
                FROM unnest(?::uuid[], ?::text[], ?::int4[], ?::text[], ?::timestamptz[], ?::text[])
                     AS u(id, status, attempts, last_error, next_attempt_at, record_id)
                WHERE t.id = u.id AND (t.cold_status <> 'SYNCED' OR u.status = 'SYNCED')""".formatted(table);
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
