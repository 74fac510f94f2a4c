package com.roofworx.sdk.stack;

import com.roofworx.sdk.memory.InMemoryAccessTokenCache;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.scenario.ColdSide;
import com.roofworx.sdk.testkit.scenario.SyncInvariantScenario;
import com.roofworx.sdk.testkit.zoho.DuplicateCheck;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import com.roofworx.sdk.zoho.ZohoCrm;
import com.roofworx.sdk.zoho.ZohoFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Objects;
import java.util.UUID;

/**
 * The invariant scenario's cold side as Zoho CRM: a fresh simulator on the schedule's clock, behind the real
 * {@link com.roofworx.sdk.zoho.ZohoColdEntrySink}. The simulator has the scenario's projects as Deals and a CRM
 * user for every worker but {@link SyncInvariantScenario#UNKNOWN_WORKER}, whom the sink therefore refuses
 * with {@code UNKNOWN_WORKER} until {@link #makeKnown} adds the user. Record locks are the simulator's
 * {@code RECORD_LOCKED} answers. Access tokens live and expire on the schedule's clock.
 */
final class SimulatorColdSide implements ColdSide {
    final ZohoCrmSimulator simulator;
    private final ZohoCrm crm;
    private final ColdEntrySink real;
    private final ColdEntrySink sink;
    private final Map<UUID, Integer> newestWritten = new ConcurrentHashMap<>();
    private final AtomicInteger olderOverNewer = new AtomicInteger();
    private final ZohoFields fields;

    SimulatorColdSide(TestClock clock) {
        // The entry key is enforced only when the adapter names it: a sink that stopped naming it would make
        // duplicates here instead of being rescued by the module's unique field.
        simulator = ZohoCrmSimulator.start(clock).duplicateCheck(DuplicateCheck.REQUESTED_ONLY);
        for (Project project : SyncInvariantScenario.PROJECTS) {
            simulator.addDeal(project.id(), project.name(), "Closed Won", "Roofworx Test Account", null);
        }
        for (String worker : SyncInvariantScenario.WORKERS) {
            if (!worker.equals(SyncInvariantScenario.UNKNOWN_WORKER)) {
                simulator.addUser(worker, worker);
            }
        }
        crm = ZohoCrm.connect(Stack.zohoConfig(simulator), new InMemoryAccessTokenCache(clock), clock);
        real = crm.coldEntrySink();
        sink = new ColdEntrySink() {
            @Override
            public int maxBatchSize() {
                return real.maxBatchSize();
            }

            @Override
            public Map<UUID, ColdOutcome> upsert(List<TimeEntry> entries) {
                return upsertWatchingVersions(entries);
            }
        };
        fields = crm.config().fields();
    }

    @Override
    public ColdEntrySink sink() {
        return sink;
    }

    @Override
    public int recordCount() {
        return simulator.records(ZohoCrmSimulator.TIME_ENTRIES).size();
    }

    @Override
    public int recordCount(UUID entryId) {
        return recordsOf(entryId).size();
    }

    @Override
    public boolean holds(UUID entryId, String owner, EntryDraft draft) {
        return recordsOf(entryId).stream().anyMatch(r -> matches(r, owner, draft));
    }

    private List<JsonObject> recordsOf(UUID entryId) {
        return Stack.timeEntryRecords(simulator, entryId);
    }

    private boolean matches(JsonObject record, String owner, EntryDraft draft) {
        return draft.projectId().equals(lookupMember(record, fields.entryDeal(), "id"))
                && owner.equalsIgnoreCase(lookupMember(record, fields.entryWorker(), "email"))
                && draft.workDate().toString().equals(text(record.get(fields.entryWorkDate())))
                && hoursMatch(record.get(fields.entryHours()), draft.minutes())
                && Objects.equals(draft.notes(), text(record.get(fields.entryNotes())));
    }

    private static String lookupMember(JsonObject record, String field, String member) {
        return record.get(field) instanceof JsonObject lookup ? text(lookup.get(member)) : null;
    }

    private static boolean hoursMatch(JsonValue value, int minutes) {
        String text = text(value);
        return text != null && new BigDecimal(text).compareTo(
                BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)) == 0;
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    @Override
    public boolean holdsVersion(UUID entryId, int version, boolean voided) {
        String status = voided ? fields.voidedStatus() : fields.activeStatus();
        return recordsOf(entryId).stream().anyMatch(r -> String.valueOf(version).equals(text(r.get(fields.entryVersion())))
                && status.equals(text(r.get(fields.entryStatus()))));
    }

    @Override
    public int olderOverNewer() {
        return olderOverNewer.get();
    }

    /**
     * Counts, at the sink's edge, writes the CRM accepted for an older version of an entry than one it accepted
     * before: the CRM upserts by entry id, so such a write would put old content back.
     */
    private Map<UUID, ColdEntrySink.ColdOutcome> upsertWatchingVersions(List<TimeEntry> entries) {
        Map<UUID, ColdEntrySink.ColdOutcome> outcomes = real.upsert(entries);
        for (TimeEntry e : entries) {
            if (outcomes.get(e.id()) instanceof ColdEntrySink.ColdOutcome.Synced) {
                Integer before = newestWritten.put(e.id(), e.version());
                if (before != null && before > e.version()) {
                    olderOverNewer.incrementAndGet();
                    newestWritten.put(e.id(), before);
                }
            }
        }
        return outcomes;
    }

    @Override
    public void retryableNext(int records) {
        simulator.faults().recordLockedNext(records);
    }

    @Override
    public void makeKnown(String worker) {
        simulator.addUser(worker, worker);
    }

    @Override
    public void close() {
        crm.close();
        simulator.close();
    }
}
