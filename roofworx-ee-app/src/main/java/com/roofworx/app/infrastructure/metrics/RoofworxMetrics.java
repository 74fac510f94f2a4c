package com.roofworx.app.infrastructure.metrics;

import com.roofworx.sdk.SyncEngine.SyncStats;
import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.event.RoofworxEventListener;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Map;

/**
 * The app's metrics, fed by the SDK's events and by the request filter, rendered in the Prometheus text
 * format by {@code GET /api/metrics}. Queue depth and blocked count are read from the SDK at scrape time.
 */
@ApplicationScoped
public class RoofworxMetrics implements RoofworxEventListener {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Family submitted = Family.counter("roofworx_entries_submitted_total",
            "Accepted submits by result (created or repeat) and the tier that took them");
    private final Family changed = Family.counter("roofworx_entries_changed_total",
            "Corrections and voids by kind (correct or void) and the tier that took them");
    private final Family synced = Family.counter("roofworx_entries_synced_total",
            "Entries written to a destination (warm: PostgreSQL, cold: Zoho CRM)");
    private final Family failures = Family.counter("roofworx_sync_failures_total",
            "Failed sync attempts by destination and failure kind; each is retried with backoff");
    private final Family stale = Family.counter("roofworx_projects_served_stale_total",
            "Project lists answered from the last known list because the project source failed");
    private final Family blockedEvents = Family.counter("roofworx_entries_blocked_total",
            "Entries parked as blocked by destination");
    private final Family lag = Family.histogram("roofworx_sync_lag_seconds",
            "Time from an entry's acceptance to its write at a destination", Family.LAG);
    private final Family cache = Family.counter("roofworx_project_cache_requests_total",
            "Project list reads by cache result (hit or miss)");
    private final Family storeFailures = Family.counter("roofworx_store_failures_total",
            "Store or sink failures the SDK worked around, by store");
    private final Family tokenCache = Family.counter("roofworx_auth_token_cache_requests_total",
            "Bearer tokens looked up in the verified-token cache, by result (hit: reused, miss: verified by the container)");
    private final Family requests = Family.histogram("roofworx_http_request_duration_seconds",
            "Server time of API requests by method, resource and status", Family.LATENCY);

    @Override
    public void onEvent(RoofworxEvent event) {
        if (event instanceof RoofworxEvent.EntrySubmitted e) {
            submitted.inc("result", e.created() ? "created" : "repeat", "tier", lower(e.storedIn()));
        } else if (event instanceof RoofworxEvent.EntryChanged e) {
            changed.inc("kind", e.entry().voided() ? "void" : "correct", "tier", lower(e.storedIn()));
        } else if (event instanceof RoofworxEvent.EntrySynced e) {
            synced.inc("destination", lower(e.destination()));
            lag.observe(e.lag().toNanos() / 1e9, "destination", lower(e.destination()));
        } else if (event instanceof RoofworxEvent.SyncFailed e) {
            failures.inc("destination", lower(e.destination()), "kind", lower(e.kind()));
        } else if (event instanceof RoofworxEvent.EntryBlocked e) {
            blockedEvents.inc("destination", lower(e.destination()));
        } else if (event instanceof RoofworxEvent.ProjectCacheHit) {
            cache.inc("result", "hit");
        } else if (event instanceof RoofworxEvent.ProjectCacheMiss) {
            cache.inc("result", "miss");
        } else if (event instanceof RoofworxEvent.ProjectsServedStale) {
            stale.inc();
        } else if (event instanceof RoofworxEvent.StoreFailed e) {
            storeFailures.inc("store", e.store());
        }
    }

    /**
     * Records one API request's server time. Every label comes from a fixed set, so no client can add series:
     * an unknown method or a resource name of an unexpected shape is recorded as {@code other}.
     */
    public void request(String method, String resource, int status, long nanos) {
        requests.observe(nanos / 1e9, "method", Labels.method(method), "resource", Labels.resource(resource),
                "status", Labels.status(status));
    }

    /** Records one look-up of a bearer token among the tokens the container verified before. */
    public void tokenCacheLookup(boolean hit) {
        tokenCache.inc("result", hit ? "hit" : "miss");
    }

    /** Hits over all project reads since start; 0 before the first read. */
    public double cacheHitRatio() {
        long hits = cache.count("result", "hit");
        long all = hits + cache.count("result", "miss");
        return all == 0 ? 0 : (double) hits / all;
    }

    public String render(SyncStats stats, Map<Destination, DestinationPause> pauses) {
        StringBuilder out = new StringBuilder(4096);
        Family.gauge(out, "roofworx_sync_queue_depth", "Entries waiting for their PostgreSQL write", stats.queued());
        Family.gauge(out, "roofworx_sync_blocked", "Entries refused by a destination, parked until replayed",
                stats.blocked());
        Family.gauge(out, "roofworx_sync_blocked_warm", "Entries PostgreSQL refused", stats.warmBlocked());
        Family.gauge(out, "roofworx_sync_blocked_cold", "Entries Zoho CRM refused (-1: PostgreSQL unreadable)",
                stats.coldBlocked());
        Family.gauge(out, "roofworx_sync_cold_backlog", "Entries in PostgreSQL still owed to Zoho CRM (-1: unreadable)",
                stats.coldPending());
        Family.gauge(out, "roofworx_cold_calls_today", "Zoho CRM calls made today (UTC) by all instances, counted "
                + "against the daily call budget (-1: unreadable)", stats.coldCallsToday());
        out.append("# HELP roofworx_destination_paused 1 while the destination is paused because it failed as a whole\n")
                .append("# TYPE roofworx_destination_paused gauge\n");
        for (Destination d : Destination.values()) {
            out.append("roofworx_destination_paused{destination=\"").append(lower(d)).append("\"} ")
                    .append(pauses.get(d) == null ? 0.0 : 1.0).append('\n');
        }
        out.append("# HELP roofworx_destination_paused_since_seconds When the destination was paused "
                        + "(epoch seconds; 0: not paused)\n")
                .append("# TYPE roofworx_destination_paused_since_seconds gauge\n");
        for (Destination d : Destination.values()) {
            DestinationPause pause = pauses.get(d);
            out.append("roofworx_destination_paused_since_seconds{destination=\"").append(lower(d)).append("\"} ")
                    .append((double) (pause == null ? 0 : pause.since().getEpochSecond())).append('\n');
        }
        Family.gauge(out, "roofworx_project_cache_hit_ratio", "Project cache hits over all project reads",
                cacheHitRatio());
        for (Family f : new Family[]{submitted, changed, synced, failures, stale, blockedEvents, lag, cache, storeFailures,
                tokenCache, requests}) {
            f.render(out);
        }
        return out.toString();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
