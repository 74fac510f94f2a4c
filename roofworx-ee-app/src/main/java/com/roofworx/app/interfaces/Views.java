package com.roofworx.app.interfaces;

import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.TimeEntry;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the API answers, as JSON-B records: the SDK's model reduced to what a client may see. */
public final class Views {
    private Views() {
    }

    @JsonbPropertyOrder({"id", "name", "account", "address", "status"})
    public record ProjectView(String id, String name, String account, String address, String status) {
        public static ProjectView of(Project p) {
            return new ProjectView(p.id(), p.name(), p.account(), p.address(), p.status());
        }
    }

    /**
     * An entry as its owner sees it. The owner itself is implied by the caller and never echoed. {@code version}
     * is what the next correction names in {@code If-Match} (also sent as the answer's {@code ETag}).
     */
    @JsonbNillable
    @JsonbPropertyOrder({"id", "projectId", "workDate", "minutes", "notes", "taskType", "createdAt", "updatedAt",
            "version", "voided", "sync"})
    public record EntryView(UUID id, String projectId, LocalDate workDate, int minutes, String notes,
                            String taskType, Instant createdAt, Instant updatedAt, int version, boolean voided,
                            SyncView sync) {
        public static EntryView of(TimeEntry e) {
            return new EntryView(e.id(), e.projectId(), e.workDate(), e.minutes(), e.notes(), e.taskType(),
                    e.createdAt(), e.updatedAt(), e.version(), e.voided(),
                    new SyncView(e.warm().status().name(), e.cold().status().name()));
        }
    }

    @JsonbPropertyOrder({"warm", "cold"})
    public record SyncView(String warm, String cold) {
    }

    /** One destination's state, for operators. */
    @JsonbNillable
    @JsonbPropertyOrder({"status", "attempts", "lastError", "nextAttemptAt"})
    public record DestinationView(String status, int attempts, String lastError, Instant nextAttemptAt) {
        static DestinationView of(DestinationState s) {
            return new DestinationView(s.status().name(), s.attempts(), s.lastError(), s.nextAttemptAt());
        }
    }

    /** A blocked entry as the admin view lists it: with its owner and both destinations' last errors. */
    @JsonbNillable
    @JsonbPropertyOrder({"id", "owner", "projectId", "workDate", "minutes", "createdAt", "warm", "cold"})
    public record BlockedEntryView(UUID id, String owner, String projectId, LocalDate workDate, int minutes,
                                   Instant createdAt, DestinationView warm, DestinationView cold) {
        public static BlockedEntryView of(TimeEntry e) {
            return new BlockedEntryView(e.id(), e.owner(), e.projectId(), e.workDate(), e.minutes(), e.createdAt(),
                    DestinationView.of(e.warm()), DestinationView.of(e.cold()));
        }
    }
}
