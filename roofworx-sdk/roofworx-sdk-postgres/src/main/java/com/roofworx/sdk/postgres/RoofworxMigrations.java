package com.roofworx.sdk.postgres;

import com.roofworx.sdk.Checks;
import com.roofworx.sdk.StoreUnavailableException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;

/**
 * Applies the warm store's schema (Flyway migrations shipped in this jar under {@value #LOCATION}).
 * Call it once at start-up, or leave the schema to your own migration process by copying those scripts.
 * <p>
 * The scripts run in the configured schema (created when missing) and record themselves in their own history
 * table, {@value #HISTORY_TABLE}, so they never mix with an application's own Flyway history.
 * Duplicate: re-running applies only what is new, usually nothing.
 * Failure: a migration runs in a transaction; one that fails is rolled back and thrown as a
 * {@link StoreUnavailableException}, caused by a {@link PostgresStoreException} telling whether waiting can help.
 */
public final class RoofworxMigrations {

    /** Where the scripts live on the classpath. */
    public static final String LOCATION = "classpath:db/migration/roofworx";
    /** The history table Flyway keeps in the schema. */
    public static final String HISTORY_TABLE = "roofworx_schema_history";

    private RoofworxMigrations() {
    }

    /** Migrates the {@linkplain PostgresWarmStoreConfig#DEFAULT_SCHEMA default schema}; answers how many scripts ran. */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, PostgresWarmStoreConfig.ofDefaults());
    }

    /** Migrates {@code config}'s schema; answers how many scripts ran (0 when it was up to date). */
    public static int migrate(DataSource dataSource, PostgresWarmStoreConfig config) {
        Checks.notNull("dataSource", dataSource);
        Checks.notNull("config", config);
        try {
            return Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(config.schema())
                    .defaultSchema(config.schema())
                    .table(HISTORY_TABLE)
                    .locations(LOCATION)
                    // A schema that already holds the embedder's tables (say "public") gets a baseline at version 0,
                    // below every script of ours, so all of them still run there.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw StoreUnavailableException.of("warm", "migrate of schema " + config.schema(),
                    PostgresStoreException.ofMigration(e));
        }
    }
}
