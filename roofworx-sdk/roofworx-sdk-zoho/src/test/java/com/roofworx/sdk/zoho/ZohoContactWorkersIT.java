package com.roofworx.sdk.zoho;

import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workers are Contacts (Zoho CRM's portal users are Contacts): the junction's and Time_Entries' worker lookups
 * point at Contacts, and the directory is every Contact with an e-mail.
 */
class ZohoContactWorkersIT extends WorkersScenarios {

    @Override
    ZohoWorkers workers() {
        return ZohoWorkers.contacts();
    }

    @Override
    void layOut(ZohoCrmSimulator simulator) {
        simulator.workerLookupsTo(ZohoCrmSimulator.CONTACTS);
    }

    @Override
    String addWorker(String email, String name) {
        return simulator.addContact(email, name);
    }

    @Override
    int directoryReads() {
        // Entries never read records, so in these tests every record read is the directory's.
        return simulator.counters().recordReads();
    }

    @Test
    void aCrmUserIsNotTheWorkerTheContactIs() {
        simulator.addUser(ANA, "Ana (CRM user)");
        String contact = simulator.addContact(ANA, "Ana Roofer");
        String maple = simulator.addDeal("Maple St re-roof", STAGE, "Hendricks", "12 Maple St");
        TimeEntry entry = entryOf(ANA, maple);

        assertThat(connect().coldEntrySink().upsert(List.of(entry)).get(entry.id())).isInstanceOf(ColdOutcome.Synced.class);
        assertThat(simulator.findRecord(ZohoCrmSimulator.TIME_ENTRIES, ZohoCrmSimulator.ENTRY_UUID, entry.id().toString())
                .orElseThrow().getJsonObject("Worker").getString("id")).isEqualTo(contact);
        assertThat(simulator.counters().userReads()).as("the user list is not read in this mode").isZero();
    }

    @Test
    void twoContactsWithOneEMailShareTheirProjectsAndEntriesGoToTheFirst() {
        String first = simulator.addContact(ANA, "Ana Roofer");
        String second = simulator.addContact("ANA.ROOFER@example.com", "Ana R. (entered twice)");
        simulator.addContact(null, "Customer without e-mail");
        String maple = simulator.addDeal("Maple St re-roof", STAGE, "Hendricks", "12 Maple St");
        String depot = simulator.addDeal("Depot flat roof", STAGE, "Rail Depot", "1 Station Rd");
        simulator.assign(maple, first);
        simulator.assign(depot, second);
        ZohoCrm crm = connect();

        assertThat(crm.projectSource().projectsFor(ANA)).extracting(Project::id).containsExactlyInAnyOrder(maple, depot);
        assertThat(crm.projectSource().loadAll().projectsFor(ANA)).extracting(Project::id)
                .containsExactlyInAnyOrder(maple, depot);
        TimeEntry entry = entryOf(ANA, depot);
        assertThat(crm.coldEntrySink().upsert(List.of(entry)).get(entry.id())).isInstanceOf(ColdOutcome.Synced.class);
        assertThat(simulator.findRecord(ZohoCrmSimulator.TIME_ENTRIES, ZohoCrmSimulator.ENTRY_UUID, entry.id().toString())
                .orElseThrow().getJsonObject("Worker").getString("id")).isEqualTo(first);
    }

    @Test
    void theDirectoryPagesThroughMoreContactsThanOnePage() {
        for (int i = 0; i < 450; i++) {
            simulator.addRecord(ZohoCrmSimulator.CONTACTS, Json.createObjectBuilder()
                    .add("Last_Name", "Customer " + i).add(ZohoCrmSimulator.EMAIL, "customer" + i + "@example.org").build());
        }
        String ana = addWorker(ANA, "Ana Roofer");
        String maple = simulator.addDeal("Maple St re-roof", STAGE, "Hendricks", "12 Maple St");
        simulator.assign(maple, ana);

        assertThat(connect().projectSource().projectsFor(ANA)).extracting(Project::id).containsExactly(maple);
        assertThat(simulator.counters().recordReads()).as("3 pages of Contacts, then the Deal").isEqualTo(4);
    }
}
