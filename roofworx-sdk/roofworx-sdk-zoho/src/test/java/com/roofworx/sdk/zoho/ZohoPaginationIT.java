package com.roofworx.sdk.zoho;

import com.roofworx.sdk.model.ProjectSnapshot;
import com.roofworx.sdk.testkit.zoho.SimulatedUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading more Deals than the page parameter reaches (2,000): the rest comes through page tokens. */
class ZohoPaginationIT {
    private final ZohoFixture zoho = new ZohoFixture();

    @AfterEach
    void stop() {
        zoho.close();
    }

    @Test
    void loadAllReadsPast2000RecordsWithPageTokens() {
        SimulatedUser worker = zoho.simulator.addUser("ana@example.com", "Ana");
        int active = 0;
        for (int i = 0; i < 2450; i++) {
            boolean won = i % 7 != 0;
            String id = zoho.simulator.addDeal("Deal " + i, won ? "Closed Won" : "Closed Lost", null, null);
            active += won ? 1 : 0;
            if (i == 0 || i == 1 || i == 2449) {
                zoho.simulator.assign(id, worker.id());
            }
        }

        ProjectSnapshot snapshot = zoho.connect().projectSource().loadAll();

        assertThat(snapshot.projects()).hasSize(active);
        assertThat(snapshot.projects().values()).anySatisfy(p -> assertThat(p.name()).isEqualTo("Deal 2449"));
        // Deal 0 is lost; Deal 1 and Deal 2449 (beyond the 2,000th record) are won.
        assertThat(snapshot.projectsFor("ana@example.com")).extracting("name").containsExactly("Deal 1", "Deal 2449");
        // 13 pages of Deals (10 by page number, 3 by page token) and 1 page of assignments.
        assertThat(zoho.simulator.counters().recordReads()).isEqualTo(14);
    }

    @Test
    void exactlyOnePageOfRecordsTakesOneCall() {
        for (int i = 0; i < 200; i++) {
            zoho.simulator.addDeal("Deal " + i, "Closed Won", null, null);
        }
        assertThat(zoho.connect().projectSource().loadAll().projects()).hasSize(200);
        // Deals: one page saying no more records; assignments: an empty module answers 204.
        assertThat(zoho.simulator.counters().recordReads()).isEqualTo(2);
    }
}
