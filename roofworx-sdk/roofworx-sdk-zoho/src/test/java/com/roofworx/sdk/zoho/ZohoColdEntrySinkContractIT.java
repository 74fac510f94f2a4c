package com.roofworx.sdk.zoho;

import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.testkit.Entries;
import com.roofworx.sdk.testkit.contract.ColdEntrySinkContract;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import org.junit.jupiter.api.AfterEach;

import java.util.Optional;

/** The ColdEntrySink contract against the Zoho adapter over the simulator's Time_Entries module. */
class ZohoColdEntrySinkContractIT extends ColdEntrySinkContract {
    private ZohoFixture zoho;

    @Override
    protected ColdEntrySink newSink() {
        zoho = new ZohoFixture();
        zoho.simulator.addUser(knownOwner(), "Anna");
        zoho.simulator.addDeal(knownProjectId(), "Maple St re-roof", "Closed Won", "Maple Holdings", "12 Maple St");
        return zoho.connect().coldEntrySink();
    }

    @Override
    protected long storedRecordCount() {
        return zoho.simulator.records(ZohoCrmSimulator.TIME_ENTRIES).size();
    }

    /** A Deal Zoho does not have: Zoho refuses that record with INVALID_DATA. */
    @Override
    protected Optional<TimeEntry> entryToReject() {
        return Optional.of(Entries.pending(knownOwner(), "424242", clock.today(), clock.now()));
    }

    /** An entry whose record Zoho holds locked: Zoho answers RECORD_LOCKED for it. */
    @Override
    protected Optional<TimeEntry> entryToRetry() {
        TimeEntry entry = entry();
        zoho.simulator.lock(entry.id().toString());
        return Optional.of(entry);
    }

    @AfterEach
    void stop() {
        zoho.close();
    }
}
