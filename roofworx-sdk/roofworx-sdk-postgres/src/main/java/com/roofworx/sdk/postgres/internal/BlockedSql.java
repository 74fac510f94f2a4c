package com.roofworx.sdk.postgres.internal;

import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The WHERE clause of a cold-blocked list or replay, with its parameters. Only the filter's present criteria are
 * written into the text, so every clause is one the planner can use as it is: the bounds on {@code created_at}
 * and the keyset {@code (created_at, id) > (?, ?)} become index conditions on {@code time_entry_cold_blocked_idx}
 * (created_at, id); owner and error code are filters on the rows that index yields. At most 2^5 texts exist.
 * <p>
 * The error code matches {@link com.roofworx.sdk.model.DestinationState#errorCode()} exactly: a code is made of
 * A-Z, 0-9 and _ only, so "the text before the first ': ' is CODE" is "the text starts with 'CODE: '"
 * ({@code starts_with}, which has no wildcards to escape, unlike LIKE's {@code _}).
 */
final class BlockedSql {
    /** Greater than every uuid in PostgreSQL's (unsigned) order. */
    private static final UUID LAST_ID = new UUID(-1L, -1L);

    private final StringBuilder where = new StringBuilder("cold_status = 'BLOCKED'");
    private final List<Object> params = new ArrayList<>();

    BlockedSql(BlockedFilter filter, BlockedPosition after) {
        if (filter.errorCode() != null) {
            add(" AND starts_with(cold_last_error, ?)", filter.errorCode() + ": ");
        }
        if (filter.owner() != null) {
            add(" AND owner = ?", filter.owner());
        }
        if (filter.createdFrom() != null) {
            add(" AND created_at >= ?", EntryRows.timestamp(ceilMicros(filter.createdFrom())));
        }
        if (filter.createdBefore() != null) {
            add(" AND created_at < ?", EntryRows.timestamp(ceilMicros(filter.createdBefore())));
        }
        if (after != null) {
            where.append(" AND (created_at, id) > (?, ?)");
            Instant at = after.createdAt();
            boolean exact = at.equals(EntryRows.micros(at));
            // Stored instants are whole microseconds. Between two of them, "after" means "from the next one on",
            // which (the earlier one, the last id) expresses in the same index-friendly form.
            params.add(EntryRows.timestamp(at));
            params.add(exact ? after.id() : LAST_ID);
        }
    }

    String where() {
        return where.toString();
    }

    /** Binds the clause's parameters from {@code first} on; answers the next free index. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        int i = first;
        for (Object param : params) {
            statement.setObject(i++, param);
        }
        return i;
    }

    private void add(String clause, Object param) {
        where.append(clause);
        params.add(param);
    }

    // The smallest stored instant not before the bound: keeps ">=" and "<" exact against micro-second rows.
    private static Instant ceilMicros(Instant instant) {
        Instant floor = EntryRows.micros(instant);
        return floor.equals(instant) ? instant : floor.plus(1, ChronoUnit.MICROS);
    }
}
