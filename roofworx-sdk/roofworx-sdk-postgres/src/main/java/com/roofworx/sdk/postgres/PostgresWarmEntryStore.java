package com.roofworx.sdk.postgres;

import com.roofworx.sdk.Checks;
import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.BlockedFilter;
import com.roofworx.sdk.model.BlockedPosition;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.EntryRevision;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.internal.BatchUpserter;
import com.roofworx.sdk.postgres.internal.BlockedQueries;
import com.roofworx.sdk.postgres.internal.EntryQueries;
import com.roofworx.sdk.postgres.internal.EntrySql;
import com.roofworx.sdk.postgres.internal.Jdbc;
import com.roofworx.sdk.spi.WarmEntryStore;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The warm store on PostgreSQL, over plain JDBC and a {@link DataSource} the embedder provides (and pools).
 * The schema must exist: apply it with {@link RoofworxMigrations#migrate} or your own migration process.
 * <p>
 * <b>Writes.</b> {@link #upsert} is one transaction, sent as one {@code INSERT ... ON CONFLICT (id) DO NOTHING}
 * per {@linkplain PostgresWarmStoreConfig#batchSize() batch size} of rows (the rows travel as arrays), so
 * retrying a batch, or overlapping batches, changes nothing and reports only the ids that were new. A row that
 * breaks a constraint is reported in {@link UpsertResult#rejected()} with the reason, while the others land.
 * <p>
 * <b>Reads.</b> Entries read back are warm SYNCED. Instants are kept to the microsecond (PostgreSQL's
 * resolution): what a caller wrote with finer instants reads back truncated.
 * <p>
 * <b>Failure.</b> Every method throws a {@link com.roofworx.sdk.StoreUnavailableException} naming the operation
 * when the database cannot be reached or fails, having written nothing of that call. Its cause is a
 * {@link PostgresStoreException}, which tells the engine whether waiting can help ({@code TRANSIENT}: down,
 * restarting, overloaded, timed out) or an operator must act ({@code PERMANENT}: schema missing, permission or
 * password wrong). Null arguments and a negative limit are a {@link ValidationException}.
 * <p>
 * Thread-safe: it holds no state besides its configuration; each call borrows its own connection.
 */
public final class PostgresWarmEntryStore implements WarmEntryStore {

    private final PostgresWarmStoreConfig config;
    private final BatchUpserter upserter;
    private final EntryQueries queries;
    private final BlockedQueries blocked;
    private final Jdbc jdbc;

    public PostgresWarmEntryStore(DataSource dataSource, PostgresWarmStoreConfig config) {
        Checks.notNull("dataSource", dataSource);
        this.config = Checks.notNull("config", config);
        this.jdbc = new Jdbc(dataSource, Math.toIntExact(config.statementTimeout().getSeconds()));
        EntrySql sql = new EntrySql(config.schema());
        this.upserter = new BatchUpserter(jdbc, sql, config.batchSize());
        this.queries = new EntryQueries(jdbc, sql, config.batchSize());
        this.blocked = new BlockedQueries(jdbc, config.schema());
    }

    /** A store with the {@linkplain PostgresWarmStoreConfig#ofDefaults() default settings}. */
    public PostgresWarmEntryStore(DataSource dataSource) {
        this(dataSource, PostgresWarmStoreConfig.ofDefaults());
    }

    public PostgresWarmStoreConfig config() {
        return config;
    }

    /**
     * {@inheritDoc}
     * <p>
     * An id given twice in one call is inserted once (the first wins). Rejected: a row outside the table's limits
     * (for example minutes outside 1..1440, or notes over 4,000 characters) or breaking any other constraint.
     */
    @Override
    public UpsertResult upsert(List<TimeEntry> entries) {
        List<TimeEntry> rows = noNulls("entries", entries);
        if (rows.isEmpty()) {
            return new UpsertResult(Set.of(), Map.of());
        }
        return jdbc.inTransaction("upsert", c -> upserter.upsert(c, rows));
    }

    @Override
    public Optional<TimeEntry> get(String owner, UUID id) {
        Checks.notNull("owner", owner);
        Checks.notNull("id", id);
        return queries.get(owner, id);
    }

    @Override
    public List<EntryRevision> history(String owner, UUID id) {
        return queries.history(owner, id);
    }

    @Override
    public List<TimeEntry> range(String owner, LocalDate from, LocalDate to) {
        Checks.notNull("owner", owner);
        Checks.notNull("from", from);
        Checks.notNull("to", to);
        return from.isAfter(to) ? List.of() : queries.range(owner, from, to);
    }

    /**
     * {@inheritDoc}
     * <p>
     * One transaction; the last state given for an id wins. A cold record id longer than the table holds is a
     * {@link ValidationException}, thrown before anything is written; an over-long error text is cut.
     */
    @Override
    public void updateCold(List<TimeEntry> entries) {
        List<TimeEntry> rows = noNulls("entries", entries);
        if (!rows.isEmpty()) {
            queries.updateCold(rows);
        }
    }

    /**
     * {@inheritDoc}
     * <p>
     * One statement ({@code UPDATE ... FROM (SELECT ... FOR UPDATE SKIP LOCKED LIMIT n)}): concurrent callers,
     * in this process or another, skip each other's rows instead of waiting. The entries are answered as they
     * were when claimed; the stored next-attempt time is the end of the lease.
     */
    @Override
    public List<TimeEntry> claimColdDue(Instant now, Duration lease, int limit) {
        Checks.notNull("now", now);
        Checks.notNull("lease", lease);
        if (lease.isNegative() || lease.isZero()) {
            // A zero lease would hand the same rows to concurrent callers.
            throw ValidationException.of("lease", lease, "must be positive");
        }
        return limit(limit) == 0 ? List.of() : queries.claimColdDue(now, now.plus(lease), limit);
    }

    /**
     * {@inheritDoc}
     * <p>
     * One statement walking the partial index of blocked rows in (created-at, id) order from {@code after}; the
     * created-at bounds narrow that walk, owner and error code filter the rows it yields. The id order is
     * PostgreSQL's (unsigned bytes), which only matters between entries created in the same microsecond.
     */
    @Override
    public List<TimeEntry> coldBlocked(BlockedFilter filter, BlockedPosition after, int limit) {
        Checks.notNull("filter", filter);
        return limit(limit) == 0 || !forCold(filter) ? List.of() : blocked.page(filter, after, limit);
    }

    @Override
    public long coldBlockedCount() {
        return blocked.count();
    }

    @Override
    public long coldPendingCount() {
        return blocked.pendingCount();
    }

    @Override
    public Optional<TimeEntry> coldBlockedEntry(UUID id) {
        Checks.notNull("id", id);
        return blocked.entry(id);
    }

    /**
     * {@inheritDoc}
     * <p>
     * One {@code UPDATE}: 100,000 matching rows take a few seconds and hold their row locks meanwhile, so a
     * concurrent {@link #updateCold} of one of them waits for it. Subject to the statement time limit.
     */
    @Override
    public int replayColdBlocked(BlockedFilter filter, Instant now) {
        Checks.notNull("filter", filter);
        Checks.notNull("now", now);
        return forCold(filter) ? blocked.replay(filter, now) : 0;
    }

    /** {@inheritDoc} One primary-key probe. */
    @Override
    public Optional<String> ownerOf(UUID id) {
        Checks.notNull("id", id);
        return blocked.ownerOf(id);
    }

    @Override
    public String toString() {
        return "PostgresWarmEntryStore[" + config + "]";
    }

    /** This store keeps cold state only: a filter for another destination matches none of its entries. */
    private static boolean forCold(BlockedFilter filter) {
        return filter.destination() == null || filter.destination() == Destination.COLD;
    }

    private static int limit(int limit) {
        if (limit < 0) {
            throw ValidationException.of("limit", limit, "must not be negative");
        }
        return limit;
    }

    private static List<TimeEntry> noNulls(String field, List<TimeEntry> entries) {
        Checks.notNull(field, entries);
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) == null) {
                throw ValidationException.of(field + "[" + i + "]", null, "must not be null");
            }
        }
        return entries;
    }
}
