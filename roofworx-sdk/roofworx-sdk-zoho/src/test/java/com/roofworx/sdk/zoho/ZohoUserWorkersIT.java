package com.roofworx.sdk.zoho;

import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Workers are Zoho CRM users (the default): the directory is the active-user list. */
class ZohoUserWorkersIT extends WorkersScenarios {

    @Override
    ZohoWorkers workers() {
        return ZohoWorkers.users();
    }

    @Override
    void layOut(ZohoCrmSimulator simulator) {
        // The simulator's default layout: both worker lookups are user lookups.
    }

    @Override
    String addWorker(String email, String name) {
        return simulator.addUser(email, name).id();
    }

    @Override
    int directoryReads() {
        return simulator.counters().userReads();
    }

    @Test
    void aContactWithTheWorkersEMailIsNotAWorkerInThisMode() {
        simulator.addContact(ANA, "Ana Roofer");
        String maple = simulator.addDeal("Maple St re-roof", STAGE, "Hendricks", "12 Maple St");
        TimeEntry entry = entryOf(ANA, maple);

        assertThat(connect().coldEntrySink().upsert(List.of(entry)).get(entry.id()))
                .isInstanceOfSatisfying(ColdOutcome.Rejected.class, r -> assertThat(r.error())
                        .endsWith("is not an active Zoho CRM user"));
        assertThat(connect().projectSource().projectsFor(ANA)).isEmpty();
        assertThat(simulator.counters().recordReads()).as("no module was read for workers").isZero();
    }
}
