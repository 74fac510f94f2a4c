package com.roofworx.sdk.stack;

import com.roofworx.sdk.postgres.PostgresWarmEntryStore;
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.roofworx.sdk.testkit.scenario.SyncInvariantScenario;
import com.roofworx.sdk.testkit.scenario.SyncInvariantScenario.Adapters;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The randomized invariant scenario over the real adapters together: Redis as the hot store (one store for
 * every instance of a schedule), PostgreSQL as the warm store, and the Zoho CRM adapter writing to the Zoho
 * CRM simulator as the cold side. The unknown worker is one the CRM has no user for (refused by the sink
 * with UNKNOWN_WORKER) until the fix adds the user; record locks are the simulator's RECORD_LOCKED.
 * Each schedule gets an empty Redis key space, emptied tables and a fresh simulator.
 */
class FullStackInvariantIT {
    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = TestPostgres.migratedDataSource();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    @DisplayName("15 fixed and one fresh schedule keep every acknowledged entry once in PostgreSQL and Zoho")
    void invariantsHold() {
        new SyncInvariantScenario(clock -> {
            TestPostgres.emptyTables(dataSource);
            return new Adapters(Stack.freshRedis().hotEntryStore(clock), new PostgresWarmEntryStore(dataSource),
                    new SimulatorColdSide(clock));
        }).runSeeds(1, 15, true);
    }
}
