package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.zoho.ZohoFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One entry as a {@code Time_Entries} record in the deployer's field names: the external id (the entry
 * UUID, the upsert key), a readable name, the Deal and worker lookups, the work date, hours with two
 * decimals (from minutes, half-up), notes, and the entry's version and status (in force or voided). Notes are
 * always sent (null clears them on an update), so a re-sent entry leaves the record exactly as the entry says,
 * and a corrected entry's record takes its newest content.
 */
public final class TimeEntryRecords {
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private final ZohoFields fields;

    public TimeEntryRecords(ZohoFields fields) {
        this.fields = fields;
    }

    public JsonObject toRecord(TimeEntry entry, String workerUserId) {
        JsonObjectBuilder record = jakarta.json.Json.createObjectBuilder()
                .add(fields.entryExternalId(), entry.id().toString())
                .add(fields.entryName(), entry.workDate() + " " + entry.owner())
                .add(fields.entryDeal(), jakarta.json.Json.createObjectBuilder().add("id", entry.projectId()))
                .add(fields.entryWorker(), jakarta.json.Json.createObjectBuilder().add("id", workerUserId))
                .add(fields.entryWorkDate(), entry.workDate().toString())
                .add(fields.entryHours(), hours(entry.minutes()));
        if (entry.notes() == null) {
            record.addNull(fields.entryNotes());
        } else {
            record.add(fields.entryNotes(), entry.notes());
        }
        if (fields.entryTaskType() != null) {
            if (entry.taskType() == null) {
                record.addNull(fields.entryTaskType());
            } else {
                record.add(fields.entryTaskType(), entry.taskType());
            }
        }
        if (fields.entryVersion() != null) {
            record.add(fields.entryVersion(), entry.version());
        }
        if (fields.entryStatus() != null) {
            record.add(fields.entryStatus(), entry.voided() ? fields.voidedStatus() : fields.activeStatus());
        }
        return record.build();
    }

    /** Minutes as decimal hours with two places: 90 → 1.50, 50 → 0.83. */
    public static BigDecimal hours(int minutes) {
        return BigDecimal.valueOf(minutes).divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP);
    }
}
