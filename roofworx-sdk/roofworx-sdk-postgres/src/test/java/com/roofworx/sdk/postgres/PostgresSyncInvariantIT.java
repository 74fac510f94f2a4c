package com.roofworx.sdk.postgres;

import com.roofworx.sdk.memory.InMemoryHotEntryStore;
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.roofworx.sdk.testkit.scenario.SyncInvariantScenario;
import com.roofworx.sdk.testkit.scenario.SyncInvariantScenario.Adapters;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The engine's randomized invariant scenario with PostgreSQL as the warm store: the adapter is
 * interchangeable with the in-memory one under faults, retries and dead workers.
 */
class PostgresSyncInvariantIT {
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
    @DisplayName("40 random schedules keep every acknowledged entry in PostgreSQL and the cold sink exactly once")
    void invariantsHold() {
        new SyncInvariantScenario(clock -> {
            TestPostgres.emptyTables(dataSource);
            return new Adapters(new InMemoryHotEntryStore(clock, InMemoryHotEntryStore.DEFAULT_RETENTION),
                    new PostgresWarmEntryStore(dataSource));
        }).runSeeds(1, 40, true);
    }
}
