package com.roofworx.sdk.zoho;

import com.roofworx.sdk.ValidationException;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink.ColdOutcome;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workers are records of a custom {@code Workers} module with an e-mail field ({@code Work_Email}) and an
 * {@code Active} checkbox: only ticked records are workers.
 */
class ZohoModuleWorkersIT extends WorkersScenarios {
    static final String MODULE = "Workers";
    static final String EMAIL = "Work_Email";
    static final String ACTIVE = "Active";

    @Override
    ZohoWorkers workers() {
        return ZohoWorkers.module(MODULE, EMAIL).onlyWhere(ACTIVE);
    }

    @Override
    void layOut(ZohoCrmSimulator simulator) {
        simulator.workerLookupsTo(MODULE);
    }

    @Override
    String addWorker(String email, String name) {
        return addWorkerRecord(email, name, true);
    }

    String addWorkerRecord(String email, String name, boolean active) {
        return simulator.addRecord(MODULE, Json.createObjectBuilder().add("Name", name).add(EMAIL, email)
                .add(ACTIVE, active).build());
    }

    @Override
    int directoryReads() {
        return simulator.counters().recordReads();
    }

    @Test
    void aRecordWithoutTheCheckboxTickedIsNoWorkerUntilItIsTicked() {
        String ana = addWorkerRecord(ANA, "Ana Roofer", false);
        String maple = simulator.addDeal("Maple St re-roof", STAGE, "Hendricks", "12 Maple St");
        simulator.assign(maple, ana);
        ZohoCrm crm = connect();
        TimeEntry entry = entryOf(ANA, maple);

        assertThat(crm.projectSource().projectsFor(ANA)).isEmpty();
        assertThat(crm.projectSource().loadAll().allowedByUser()).isEmpty();
        assertThat(crm.coldEntrySink().upsert(List.of(entry)).get(entry.id()))
                .isInstanceOfSatisfying(ColdOutcome.Rejected.class, r -> assertThat(r.error())
                        .endsWith("is not a Workers record with Active ticked"));

        JsonObject record = simulator.record(MODULE, ana).orElseThrow();
        simulator.addRecord(MODULE, Json.createObjectBuilder(record).add(ACTIVE, true).build());
        clock.advance(Duration.ofMinutes(1));
        assertThat(crm.coldEntrySink().upsert(List.of(entry)).get(entry.id())).isInstanceOf(ColdOutcome.Synced.class);
        assertThat(crm.projectSource().projectsFor(ANA)).hasSize(1);
    }

    @Test
    void theSettingIsValidatedAndNamedInTheConfig() {
        assertThatThrownBy(() -> ZohoWorkers.module("Workers", "e-mail")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("workers.emailField").hasMessageContaining("e-mail");
        assertThatThrownBy(() -> ZohoWorkers.users().onlyWhere(ACTIVE)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("workers.activeField");
        assertThat(connect().config().toString()).contains("workers=Workers.Work_Email where Active");
    }
}
