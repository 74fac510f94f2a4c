package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.zoho.ZohoWorkers;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The map between worker ids (what the worker lookups hold) and lower-case e-mail addresses, for the
 * configured {@link ZohoWorkers}: active CRM users from {@code GET /crm/v8/users}, or every record of the
 * workers module (Contacts, a custom module) read with its e-mail field, page by page. The map is kept for
 * the configured TTL; an e-mail it does not know triggers one reload, at most once a minute, so a worker
 * added in Zoho is found without waiting for the TTL.
 * <p>
 * Several records may hold one e-mail (a Contact entered twice): the e-mail then maps to all of them, in
 * the order Zoho lists them, and the first is the one entries are written to.
 */
public final class WorkerDirectory {
    static final Duration MISS_RELOAD_INTERVAL = Duration.ofMinutes(1);

    private final RecordPager pager;
    private final ZohoWorkers workers;
    private final Clock clock;
    private final Duration ttl;
    private Map<String, List<String>> idsByEmail = Map.of();
    private Map<String, String> emailById = Map.of();
    private Instant loadedAt;

    public WorkerDirectory(RecordPager pager, ZohoWorkers workers, Clock clock, Duration ttl) {
        this.pager = pager;
        this.workers = workers;
        this.clock = clock;
        this.ttl = ttl;
    }

    public ZohoWorkers workers() {
        return workers;
    }

    /** The id entries of {@code email} are written to: the first of {@link #idsFor}; empty when no worker has it. */
    public Optional<String> idFor(String email) {
        return idsFor(email).stream().findFirst();
    }

    /** Every worker id holding {@code email}, in Zoho's order; empty when no worker has it. */
    public synchronized List<String> idsFor(String email) {
        String key = email.toLowerCase(Locale.ROOT);
        if (stale(ttl)) {
            reload();
        }
        List<String> ids = idsByEmail.get(key);
        if (ids == null && stale(MISS_RELOAD_INTERVAL)) {
            reload();
            ids = idsByEmail.get(key);
        }
        return ids == null ? List.of() : ids;
    }

    /** Worker id to lower-case e-mail, loaded now (the project sync wants the current list). */
    public synchronized Map<String, String> reloadAndGet() {
        reload();
        return emailById;
    }

    private boolean stale(Duration age) {
        return loadedAt == null || !clock.now().isBefore(loadedAt.plus(age));
    }

    private void reload() {
        Map<String, List<String>> byEmail = new LinkedHashMap<>();
        Map<String, String> byId = new HashMap<>();
        String emailField = workers.emailField().orElse("email");
        for (JsonObject worker : read()) {
            String id = JsonReads.text(worker, "id", null);
            String email = JsonReads.text(worker, emailField, null);
            if (id != null && email != null && !email.isBlank() && counts(worker)) {
                String key = email.trim().toLowerCase(Locale.ROOT);
                byEmail.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                byId.put(id, key);
            }
        }
        Map<String, List<String>> frozen = new HashMap<>();
        byEmail.forEach((email, ids) -> frozen.put(email, List.copyOf(ids)));
        idsByEmail = Map.copyOf(frozen);
        emailById = Map.copyOf(byId);
        loadedAt = clock.now();
    }

    private List<JsonObject> read() {
        if (workers.crmUsers()) {
            return pager.activeUsers();
        }
        String fields = workers.emailField().orElseThrow() + workers.activeField().map(f -> "," + f).orElse("");
        return pager.all(workers.module().orElseThrow(), fields);
    }

    private boolean counts(JsonObject worker) {
        return workers.activeField().map(f -> worker.get(f) == JsonValue.TRUE
                || "true".equalsIgnoreCase(JsonReads.text(worker, f, ""))).orElse(true);
    }
}
