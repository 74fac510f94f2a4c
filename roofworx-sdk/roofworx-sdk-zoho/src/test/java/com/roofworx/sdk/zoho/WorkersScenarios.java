package com.roofworx.sdk.zoho;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import com.roofworx.sdk.spi.ProjectSource;
import com.roofworx.sdk.testkit.Entries;
import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.contract.ColdEntrySinkContract;
import com.roofworx.sdk.testkit.contract.ProjectSourceContract;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Zoho adapter must do whatever its worker directory: resolve a worker's e-mail to the record the
 * junction and Time_Entries lookups hold, for projects and for entries, cache that map and reload it on a
 * miss or after the TTL; plus the contract kits run over that directory. One subclass per directory mode.
 */
abstract class WorkersScenarios {
    static final String ANA = "ana.roofer@example.com";
    static final String STAGE = "Closed Won";

    final TestClock clock = new TestClock();
    ZohoFixture zoho;
    ZohoCrmSimulator simulator;

    /** The adapter setting for this mode. */
    abstract ZohoWorkers workers();

    /** Sets the simulator's worker lookups up for this mode. */
    abstract void layOut(ZohoCrmSimulator simulator);

    /** Adds a worker as this mode knows one; answers the id the worker lookups hold. */
    abstract String addWorker(String email, String name);

    /** Calls to the simulator that read the worker directory so far. */
    abstract int directoryReads();

    @BeforeEach
    void startSimulator() {
        zoho = new ZohoFixture();
        simulator = zoho.simulator;
        layOut(simulator);
    }

    @AfterEach
    void stopSimulator() {
        zoho.close();
    }

    ZohoCrm connect(Set<String> activeStages) {
        return zoho.connect(b -> b.workers(workers()).activeStages(activeStages), zoho.tokenCache, clock);
    }

    ZohoCrm connect() {
        return connect(Set.of(STAGE));
    }

    TimeEntry entryOf(String owner, String deal) {
        return Entries.pending(owner, deal, clock.today(), 60, clock.now());
    }

    @Test
    void aWorkersProjectsAreFoundByEMailInAnyCase() {
        String ana = addWorker(ANA, "Ana Roofer");
        String maple = simulator.addDeal("Maple St re-roof", STAGE, "Hendricks", "12 Maple St");
        simulator.addDeal("Oak Ave quote", "Negotiation/Review", "Oak HOA", "7 Oak Ave");
        simulator.assign(maple, ana);
        simulator.addDeal("Lincoln School gutters", STAGE, "Springfield Schools", "400 Lincoln Ave");
        ZohoProjectSource source = connect().projectSource();

        assertThat(source.projectsFor("Ana.Roofer@Example.com")).extracting(Project::id).containsExactly(maple);
        assertThat(source.projectsFor("ben@example.com")).isEmpty();
        ProjectSnapshot all = source.loadAll();
        assertThat(all.allowedByUser()).containsOnlyKeys(ANA);
        assertThat(all.projectsFor(ANA)).extracting(Project::id).containsExactly(maple);
    }

    @Test
    void anEntryIsWrittenWithTheWorkersRecordInTheWorkerLookup() {
        String ana = addWorker(ANA, "Ana Roofer");
        String maple = simulator.addDeal("Maple St re-roof", STAGE, "Hendricks", "12 Maple St");
        TimeEntry entry = entryOf("ANA.roofer@example.com", maple);

        ColdOutcome outcome = connect().coldEntrySink().upsert(List.of(entry)).get(entry.id());

        assertThat(outcome).isInstanceOf(ColdOutcome.Synced.class);
        JsonObject record = simulator.findRecord(ZohoCrmSimulator.TIME_ENTRIES, ZohoCrmSimulator.ENTRY_UUID,
                entry.id().toString()).orElseThrow();
        assertThat(record.getJsonObject("Worker").getString("id")).isEqualTo(ana);
    }

    @Test
    void anUnknownWorkersEntryIsRefusedAsUnknownWorkerWithoutAnUpsert() {
        addWorker(ANA, "Ana Roofer");
        String maple = simulator.addDeal("Maple St re-roof", STAGE, "Hendricks", "12 Maple St");
        TimeEntry stranger = entryOf("stranger@example.com", maple);

        ColdOutcome outcome = connect().coldEntrySink().upsert(List.of(stranger)).get(stranger.id());

        assertThat(outcome).isInstanceOfSatisfying(ColdOutcome.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(ZohoColdEntrySink.UNKNOWN_WORKER);
            assertThat(r.error()).contains("stranger@example.com").contains(workers().description());
        });
        assertThat(simulator.counters().upsertRequests()).isZero();
    }

    @Test
    void theMapIsCachedForItsTtlAndAWorkerAddedLaterIsFoundOnAMissAfterAMinute() {
        addWorker(ANA, "Ana Roofer");
        String maple = simulator.addDeal("Maple St re-roof", STAGE, "Hendricks", "12 Maple St");
        ColdEntrySink sink = connect().coldEntrySink();
        assertThat(sink.upsert(List.of(entryOf(ANA, maple))).values()).allMatch(o -> o instanceof ColdOutcome.Synced);
        int afterFirst = directoryReads();
        assertThat(afterFirst).as("the directory was read for the first entry").isPositive();

        sink.upsert(List.of(entryOf(ANA, maple)));
        assertThat(directoryReads()).as("a known worker is answered from the cached map").isEqualTo(afterFirst);

        TimeEntry ben = entryOf("ben.slater@example.com", maple);
        String benId = addWorker("ben.slater@example.com", "Ben Slater");
        clock.advance(Duration.ofSeconds(30));
        assertThat(sink.upsert(List.of(ben)).get(ben.id())).as("within a minute of the last load: not reloaded")
                .isInstanceOf(ColdOutcome.Rejected.class);
        assertThat(directoryReads()).isEqualTo(afterFirst);

        clock.advance(Duration.ofSeconds(31));
        assertThat(sink.upsert(List.of(ben)).get(ben.id())).isInstanceOf(ColdOutcome.Synced.class);
        assertThat(directoryReads()).as("one reload for the miss").isGreaterThan(afterFirst);
        assertThat(simulator.findRecord(ZohoCrmSimulator.TIME_ENTRIES, ZohoCrmSimulator.ENTRY_UUID, ben.id().toString())
                .orElseThrow().getJsonObject("Worker").getString("id")).isEqualTo(benId);

        int afterMiss = directoryReads();
        clock.advance(ZohoConfig.DEFAULT_USER_MAP_TTL);
        sink.upsert(List.of(entryOf(ANA, maple)));
        assertThat(directoryReads()).as("reloaded once the TTL is over").isGreaterThan(afterMiss);
    }

    /** The ProjectSource contract kit over this directory mode. */
    @Nested
    class ProjectSourceKit extends ProjectSourceContract {
        @Override
        protected ProjectSource newSource(ProjectSnapshot seed) {
            for (Project p : seed.projects().values()) {
                simulator.addDeal(p.id(), p.name(), p.status(), p.account(), p.address());
            }
            Map<String, String> ids = new HashMap<>();
            seed.allowedByUser().keySet().forEach(email -> ids.put(email, addWorker(email, email.substring(0, email.indexOf('@')))));
            seed.allowedByUser().forEach((email, projects) -> projects.forEach(id -> simulator.assign(id, ids.get(email))));
            // The kit marks its active projects with the status "Active".
            return connect(Set.of("Active")).projectSource();
        }
    }

    /** The ColdEntrySink contract kit over this directory mode. */
    @Nested
    class ColdEntrySinkKit extends ColdEntrySinkContract {
        @Override
        protected ColdEntrySink newSink() {
            addWorker(knownOwner(), "Anna");
            simulator.addDeal(knownProjectId(), "Maple St re-roof", STAGE, "Maple Holdings", "12 Maple St");
            return connect().coldEntrySink();
        }

        @Override
        protected long storedRecordCount() {
            return simulator.records(ZohoCrmSimulator.TIME_ENTRIES).size();
        }

        /** A Deal Zoho does not have: refused with INVALID_DATA. */
        @Override
        protected Optional<TimeEntry> entryToReject() {
            return Optional.of(Entries.pending(knownOwner(), "424242", clock.today(), clock.now()));
        }

        /** An entry whose record Zoho holds locked: RECORD_LOCKED. */
        @Override
        protected Optional<TimeEntry> entryToRetry() {
            TimeEntry entry = entry();
            simulator.lock(entry.id().toString());
            return Optional.of(entry);
        }
    }
}
