package com.roofworx.sdk.zoho;

import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.zoho.internal.RecordOutcomes;
import com.roofworx.sdk.zoho.internal.TimeEntryRecords;
import com.roofworx.sdk.zoho.internal.UpsertCall;
import com.roofworx.sdk.zoho.internal.WorkerDirectory;
import com.roofworx.sdk.zoho.internal.ZohoCalls;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes entries to the {@code Time_Entries} module by upsert keyed on the external-id field holding the
 * entry UUID, so a retried write updates the record it already made and never adds a second one.
 * <p>
 * The worker lookup is written with the id of the worker's record: a CRM user, or a record of the workers
 * module ({@link ZohoConfig#workers()}), as the Time_Entries worker lookup is set up.
 * <p>
 * Outcomes, per entry: {@code SUCCESS} → {@link ColdOutcome.Synced} with Zoho's record id; a worker
 * e-mail that is no known worker → {@link ColdOutcome.Rejected} with code {@link #UNKNOWN_WORKER}
 * (not sent); record-level data errors ({@code INVALID_DATA}, {@code MANDATORY_NOT_FOUND}, a duplicate on
 * another unique field, ...) → Rejected with Zoho's code and message; momentary ones ({@code RECORD_LOCKED},
 * {@code LIMIT_EXCEEDED}, {@code DUPLICATE_DATA} on the entry key when two writers race, ...) →
 * {@link ColdOutcome.Retryable}. One bad record never holds back the others.
 * <p>
 * Failure: a whole-call failure is thrown as a {@link ZohoException} whose {@link ZohoException#failureKind()}
 * says whether to wait (429, 5xx, timeout, dropped connection) or to act (scope mismatch, refused grant,
 * missing module or field); with the upsert key, retrying the batch is always safe. More than 100 entries are
 * written in several calls; a failing call then throws, and entries of earlier calls written again on
 * the retry are simply updated.
 */
public final class ZohoColdEntrySink implements ColdEntrySink {
    /** The refusal code of an entry whose worker e-mail is no known worker (CRM user or workers-module record): filter blocked entries by it. */
    public static final String UNKNOWN_WORKER = "UNKNOWN_WORKER";

    private final ZohoConfig config;
    private final UpsertCall upsert;
    private final WorkerDirectory workers;
    private final TimeEntryRecords records;

    ZohoColdEntrySink(ZohoConfig config, ZohoCalls calls, WorkerDirectory workers) {
        this.config = config;
        this.upsert = new UpsertCall(calls);
        this.workers = workers;
        this.records = new TimeEntryRecords(config.fields());
    }

    @Override
    public int maxBatchSize() {
        return UpsertCall.MAX_RECORDS;
    }

    @Override
    public Map<UUID, ColdOutcome> upsert(List<TimeEntry> entries) {
        Map<UUID, ColdOutcome> outcomes = new LinkedHashMap<>();
        for (int from = 0; from < entries.size(); from += UpsertCall.MAX_RECORDS) {
            write(entries.subList(from, Math.min(from + UpsertCall.MAX_RECORDS, entries.size())), outcomes);
        }
        return outcomes;
    }

    private void write(List<TimeEntry> batch, Map<UUID, ColdOutcome> outcomes) {
        List<TimeEntry> sent = new ArrayList<>();
        List<JsonObject> payload = new ArrayList<>();
        for (TimeEntry entry : batch) {
            Optional<String> worker = workers.idFor(entry.owner());
            if (worker.isEmpty()) {
                outcomes.put(entry.id(), new ColdOutcome.Rejected(UNKNOWN_WORKER,
                        "worker e-mail " + entry.owner() + " is not " + workers.workers().description()));
                continue;
            }
            sent.add(entry);
            payload.add(records.toRecord(entry, worker.get()));
        }
        if (payload.isEmpty()) {
            return;
        }
        List<JsonObject> results = upsert.upsert(config.timeEntriesModule(), config.fields().entryExternalId(), payload);
        // Zoho answers data[i] for the i-th record sent; a missing result stays absent (the engine retries it).
        for (int i = 0; i < sent.size() && i < results.size(); i++) {
            outcomes.put(sent.get(i).id(), RecordOutcomes.of(results.get(i), config.fields().entryExternalId()));
        }
    }
}
