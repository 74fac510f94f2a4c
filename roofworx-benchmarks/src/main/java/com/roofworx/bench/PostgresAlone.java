package com.roofworx.bench;

import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.TimeEntry;
import com.roofworx.sdk.postgres.PostgresWarmEntryStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL without Redis in front: one INSERT per entry, and the adapter's batch upsert (the drain's ceiling). */
final class PostgresAlone {
    private static final String INSERT = "INSERT INTO roofworx.time_entry (id, owner, project_id, work_date, minutes,"
            + " notes, created_at, cold_status, cold_next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)";

    private final DataSource postgres;

    PostgresAlone(DataSource postgres) {
        this.postgres = postgres;
    }

    /** What an application writing straight to PostgreSQL does per submit: one INSERT, committed. */
    Figure insert(int threads, int perThread) throws Exception {
        return ClosedLoop.run("PostgreSQL INSERT, one row per commit", "inserts/s", threads, perThread, i -> {
            TimeEntry e = Entries.entry(i);
            try (Connection c = postgres.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setObject(1, e.id());
                s.setString(2, e.owner());
                s.setString(3, e.projectId());
                s.setDate(4, Date.valueOf(e.workDate()));
                s.setInt(5, e.minutes());
                s.setString(6, e.notes());
                s.setTimestamp(7, Timestamp.from(e.createdAt()));
                s.setTimestamp(8, Timestamp.from(e.createdAt()));
                s.executeUpdate();
            } catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        });
    }

    /**
     * One writer, batches of 1,000 rows shaped as the drain writes them (warm, cold pending): the most the drain
     * could reach with one worker if claiming and acknowledging in Redis cost nothing.
     */
    Figure upsertCeiling(int rows) {
        PostgresWarmEntryStore warm = new PostgresWarmEntryStore(postgres);
        List<List<TimeEntry>> batches = new ArrayList<>();
        for (int b = 0; b < rows / 1_000; b++) {
            List<TimeEntry> batch = new ArrayList<>(1_000);
            for (int i = 0; i < 1_000; i++) {
                batch.add(warmRow(Entries.entry(i)));
            }
            batches.add(batch);
        }
        Latency perBatch = new Latency();
        long start = System.nanoTime();
        for (List<TimeEntry> batch : batches) {
            long t0 = System.nanoTime();
            warm.upsert(batch);
            perBatch.record(System.nanoTime() - t0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Figure("adapter batch upsert alone, 1 writer", rows / seconds, "rows/s", perBatch,
                "batches of 1,000; latency per batch");
    }

    /** Cold due as the bench's drain writes them: after the run (see SdkPipeline#queueing), so no sweep meets them. */
    private static TimeEntry warmRow(TimeEntry entry) {
        return entry.withState(Destination.WARM, DestinationState.synced())
                .withState(Destination.COLD, entry.cold().waiting(Instant.now().plus(Duration.ofHours(1))));
    }
}
