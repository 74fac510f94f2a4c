package com.roofworx.sdk.postgres;

import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.testing.TestPostgres;
import com.roofworx.sdk.spi.WarmEntryStore.UpsertResult;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.roofworx.sdk.postgres.Entries.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** A row refused on its own merits is reported with its reason while the rest of its batch lands. */
class RejectedRowsIT {

    private static HikariDataSource dataSource;
    private static PostgresWarmEntryStore store;

    @BeforeAll
    static void database() throws SQLException {
        dataSource = TestPostgres.migratedDataSource();
        // A rule the adapter knows nothing about, as a deployer might add: only the database can enforce it.
        MigrationsIT.execute(dataSource, "ALTER TABLE roofworx.time_entry "
                + "ADD CONSTRAINT no_closed_deals CHECK (project_id <> 'deal-closed')");
        store = new PostgresWarmEntryStore(dataSource, PostgresWarmStoreConfig.builder().batchSize(100).build());
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void rowsBreakingTheTablesLimitsAreRejectedBeforeSendingAndTheOthersLand() {
        List<TimeEntry> good = Entries.batch("ana@roofworx.test", 20);
        TimeEntry noMinutes = Entries.withMinutes(entry("ana@roofworx.test"), 0);
        TimeEntry longNotes = entry("ana@roofworx.test").withColdRecordId(null);
        longNotes = new TimeEntry(longNotes.id(), longNotes.owner(), longNotes.projectId(), longNotes.workDate(), 30,
                "x".repeat(4_001), null, longNotes.createdAt(), longNotes.warm(), longNotes.cold(), null);
        TimeEntry nul = Entries.withProject(entry("ana@roofworx.test"), "deal\u00004711");
        List<TimeEntry> batch = new ArrayList<>(good);
        batch.add(7, noMinutes);
        batch.add(longNotes);
        batch.add(0, nul);

        UpsertResult result = store.upsert(batch);

        assertThat(result.inserted()).isEqualTo(ids(good));
        assertThat(result.rejected()).containsOnlyKeys(noMinutes.id(), longNotes.id(), nul.id());
        assertThat(result.rejected().get(noMinutes.id())).isEqualTo("minutes must be between 1 and 1440 but was 0");
        assertThat(result.rejected().get(longNotes.id())).startsWith("notes must be 0 to 4000 characters long");
        assertThat(result.rejected().get(nul.id())).startsWith("projectId must not contain NUL characters");
        assertThat(store.get(noMinutes.owner(), noMinutes.id())).isEmpty();
    }

    @Test
    void aRowBreakingAConstraintOnlyTheDatabaseKnowsIsIsolatedAndNamed() {
        List<TimeEntry> good = Entries.batch("ben@roofworx.test", 250);
        TimeEntry closed = Entries.withProject(entry("ben@roofworx.test"), "deal-closed");
        TimeEntry alreadyStored = entry("ben@roofworx.test");
        store.upsert(List.of(alreadyStored));
        List<TimeEntry> batch = new ArrayList<>(good);
        batch.add(125, closed);
        batch.add(alreadyStored);

        UpsertResult result = store.upsert(batch);

        assertThat(result.inserted()).isEqualTo(ids(good));
        assertThat(result.rejected()).containsOnlyKeys(closed.id());
        assertThat(result.rejected().get(closed.id()))
                .contains("violates check constraint \"no_closed_deals\"")
                .doesNotContain("Failing row");
        assertThat(store.get(closed.owner(), closed.id())).isEmpty();
        assertThat(store.get(good.get(249).owner(), good.get(249).id())).contains(good.get(249));
    }

    @Test
    void retryingABatchWithARejectedRowRejectsItAgainAndInsertsNothingNew() {
        List<TimeEntry> batch = new ArrayList<>(Entries.batch("cy@roofworx.test", 30));
        TimeEntry closed = Entries.withProject(entry("cy@roofworx.test"), "deal-closed");
        batch.add(closed);
        store.upsert(batch);

        UpsertResult retry = store.upsert(batch);

        assertThat(retry.inserted()).isEmpty();
        assertThat(retry.rejected()).containsOnlyKeys(closed.id());
    }

    private static Set<UUID> ids(List<TimeEntry> entries) {
        return entries.stream().map(TimeEntry::id).collect(Collectors.toSet());
    }
}
