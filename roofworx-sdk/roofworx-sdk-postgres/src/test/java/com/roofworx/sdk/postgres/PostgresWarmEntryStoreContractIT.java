package com.roofworx.sdk.postgres;

import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.roofworx.sdk.spi.WarmEntryStore;
import com.roofworx.sdk.testkit.contract.WarmEntryStoreContract;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The SDK's warm-store contract, against a real PostgreSQL. */
class PostgresWarmEntryStoreContractIT extends WarmEntryStoreContract {

    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = TestPostgres.migratedDataSource();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Override
    protected WarmEntryStore newStore() {
        TestPostgres.emptyTables(dataSource);
        return new PostgresWarmEntryStore(dataSource);
    }
}
