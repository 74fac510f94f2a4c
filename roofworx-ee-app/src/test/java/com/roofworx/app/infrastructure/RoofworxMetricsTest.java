package com.roofworx.app.infrastructure;

import com.roofworx.app.infrastructure.metrics.RoofworxMetrics;
import com.roofworx.sdk.SyncEngine.SyncStats;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.spi.FailureKind;
import com.roofworx.sdk.model.EntryDraft;
import com.roofworx.sdk.model.TimeEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RoofworxMetricsTest {

    @Test
    void eventsAndRequestsBecomePrometheusSeries() {
        RoofworxMetrics metrics = new RoofworxMetrics();
        TimeEntry entry = TimeEntry.accepted(UUID.randomUUID(), "ana@example.com",
                EntryDraft.of("42", LocalDate.of(2026, 11, 20), 60), Instant.parse("2026-11-20T08:00:00Z"));
        metrics.onEvent(new RoofworxEvent.EntrySubmitted(entry, true, RoofworxEvent.Tier.HOT));
        metrics.onEvent(new RoofworxEvent.EntrySynced(entry, Destination.WARM, Duration.ofMillis(80)));
        metrics.onEvent(new RoofworxEvent.EntryChanged(entry, RoofworxEvent.Tier.HOT));
        metrics.onEvent(new RoofworxEvent.ProjectCacheHit("ana@example.com"));
        metrics.onEvent(new RoofworxEvent.ProjectCacheHit("ana@example.com"));
        metrics.onEvent(new RoofworxEvent.ProjectCacheHit("ana@example.com"));
        metrics.onEvent(new RoofworxEvent.ProjectCacheMiss("ben@example.com"));
        metrics.request("POST", "TimeEntriesResource.submit", 201, 3_000_000);

        DestinationPause zohoDown = new DestinationPause(Destination.COLD, Instant.ofEpochSecond(1_796_000_000),
                Instant.ofEpochSecond(1_796_000_300), 4, "HTTP 503", FailureKind.TRANSIENT);
        String text = metrics.render(new SyncStats(7, 2, 3, 40, 12), Map.of(Destination.COLD, zohoDown));

        assertThat(metrics.cacheHitRatio()).isEqualTo(0.75);
        assertThat(text).contains("roofworx_sync_queue_depth 7.0\n", "roofworx_sync_blocked 5.0\n",
                "roofworx_sync_blocked_warm 2.0\n", "roofworx_sync_blocked_cold 3.0\n",
                "roofworx_destination_paused_since_seconds{destination=\"cold\"} 1.796E9\n",
                "roofworx_destination_paused_since_seconds{destination=\"warm\"} 0.0\n",
                "roofworx_destination_paused{destination=\"cold\"} 1.0\n",
                "roofworx_sync_cold_backlog 40.0\n", "roofworx_cold_calls_today 12.0\n",
                "roofworx_project_cache_hit_ratio 0.75\n",
                "roofworx_entries_submitted_total{result=\"created\",tier=\"hot\"} 1\n",
                "roofworx_entries_changed_total{kind=\"correct\",tier=\"hot\"} 1\n",
                "roofworx_sync_lag_seconds_bucket{destination=\"warm\",le=\"0.05\"} 0\n",
                "roofworx_sync_lag_seconds_bucket{destination=\"warm\",le=\"0.1\"} 1\n",
                "roofworx_sync_lag_seconds_count{destination=\"warm\"} 1\n",
                "roofworx_http_request_duration_seconds_bucket{method=\"POST\",resource=\"TimeEntriesResource.submit\","
                        + "status=\"201\",le=\"0.0025\"} 0\n",
                "roofworx_http_request_duration_seconds_bucket{method=\"POST\",resource=\"TimeEntriesResource.submit\","
                        + "status=\"201\",le=\"0.005\"} 1\n");
        assertThat(text).doesNotContain("ana@example.com");
    }

    @Test
    void clientChosenMethodsAndOddNamesCannotAddSeries() {
        RoofworxMetrics metrics = new RoofworxMetrics();
        metrics.request("GET", "ProjectsResource.list", 200, 1_000);
        metrics.request("FOO", "unmatched", 405, 1_000);
        long before = series(metrics);
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 1_000; i++) {
            StringBuilder method = new StringBuilder();
            for (int n = 1 + random.nextInt(12); n > 0; n--) {
                method.append((char) ('A' + random.nextInt(26)));
            }
            metrics.request(method.toString(), "unmatched", 405, 1_000);
            metrics.request("GET", "/api/time-entries/" + java.util.UUID.randomUUID(), 404, 1_000);
        }
        assertThat(series(metrics)).isEqualTo(before + 1);
        assertThat(metrics.render(new SyncStats(0, 0, 0, 0, 0), Map.of())).contains("method=\"other\",resource=\"unmatched\"",
                "method=\"GET\",resource=\"other\",status=\"404\"");
    }

    private static long series(RoofworxMetrics metrics) {
        return metrics.render(new SyncStats(0, 0, 0, 0, 0), Map.of()).lines()
                .filter(l -> l.startsWith("roofworx_http_request_duration_seconds_count")).count();
    }
}
