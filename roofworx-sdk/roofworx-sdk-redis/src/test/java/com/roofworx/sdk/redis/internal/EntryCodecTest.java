package com.roofworx.sdk.redis.internal;

import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationState;
import com.roofworx.sdk.model.Project;
import com.roofworx.sdk.model.SyncStatus;
import com.roofworx.sdk.model.TimeEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EntryCodecTest {
    private static final UUID ID = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-03-10T09:30:00.123456789Z");

    private static TimeEntry entry(String notes, String taskType) {
        return new TimeEntry(ID, "anna@example.com", "5725648000001234567", LocalDate.of(2026, 3, 9), 480,
                notes, taskType, NOW, DestinationState.pending(NOW), DestinationState.pending(NOW), null);
    }

    @Test
    @DisplayName("round-trips an entry exactly, nanoseconds included")
    void roundTrip() {
        TimeEntry e = entry("Replaced flashing on the north ridge", "Repair");
        assertThat(EntryCodec.decode(e.owner(), ID, EntryCodec.encode(e))).isEqualTo(e);
    }

    @Test
    @DisplayName("keeps null and empty text apart, and separators and backslashes inside text")
    void awkwardText() {
        for (String text : new String[]{null, "", "a|b", "\\", "\\e", "|", "ends with \\", "ü ñ 屋根 \u001f"}) {
            TimeEntry e = entry(text, text);
            assertThat(EntryCodec.decode(e.owner(), ID, EntryCodec.encode(e))).as("text %s", text).isEqualTo(e);
        }
    }

    @Test
    @DisplayName("round-trips every sync state, errors and record id included")
    void states() {
        TimeEntry e = entry(null, null)
                .withState(Destination.WARM, DestinationState.synced())
                .withState(Destination.COLD, new DestinationState(SyncStatus.BLOCKED, 37, "INVALID_DATA|field", null))
                .withColdRecordId("z-99|1");
        assertThat(EntryCodec.decode(e.owner(), ID, EntryCodec.encode(e))).isEqualTo(e);
        TimeEntry failing = e.withState(Destination.WARM, DestinationState.pending(NOW).failed("down", NOW.plusSeconds(9)));
        assertThat(EntryCodec.decode(e.owner(), ID, EntryCodec.encode(failing))).isEqualTo(failing);
    }

    @Test
    @DisplayName("a typical entry with 40 characters of notes stays near 100 bytes")
    void compact() {
        TimeEntry e = entry("Replaced flashing on north ridge, side B", "Repair");
        assertThat(EntryCodec.encode(e).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(105);
    }

    @Test
    @DisplayName("round-trips instants of every precision, before and after created-at")
    void precision() {
        for (Instant at : new Instant[]{Instant.parse("2026-03-10T09:30:00Z"), Instant.parse("2026-03-10T09:30:00.5Z"),
                Instant.parse("2026-03-10T09:30:00.000001Z"), Instant.parse("1969-12-31T23:59:59.999999999Z")}) {
            TimeEntry e = new TimeEntry(ID, "anna@example.com", "1001", LocalDate.of(2026, 3, 9), 60, null, null, at,
                    DestinationState.pending(at).failed("x", at.minusNanos(1)), DestinationState.pending(at.plusNanos(7)),
                    null);
            assertThat(EntryCodec.decode(e.owner(), ID, EntryCodec.encode(e))).as("at %s", at).isEqualTo(e);
        }
    }

    @Test
    @DisplayName("ids take 22 characters and come back unchanged")
    void ids() {
        assertThat(Ids.encode(ID)).hasSize(22);
        assertThat(Ids.decode(Ids.encode(ID))).isEqualTo(ID);
    }

    @Test
    @DisplayName("projects round-trip with their ordinal, details with separators included")
    void projects() {
        Project p = new Project("1001", "Maple | St", "Closed Won", false, "", "12 Maple St\\Springfield");
        assertThat(ProjectCodec.decode("1001", ProjectCodec.encode(41, p))).isEqualTo(new ProjectCodec.Ordered(41, p));
    }
}
