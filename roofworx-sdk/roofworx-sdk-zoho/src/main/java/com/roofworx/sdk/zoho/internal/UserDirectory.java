package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.spi.Clock;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The map between Zoho user ids and (lower-case) e-mail addresses of active users, loaded from
 * {@code GET /crm/v8/users} and kept for the configured TTL. An e-mail it does not know triggers one
 * reload, at most once a minute, so a worker added in Zoho is found without waiting for the TTL.
 */
public final class UserDirectory {
    static final Duration MISS_RELOAD_INTERVAL = Duration.ofMinutes(1);

    private final RecordPager pager;
    private final Clock clock;
    private final Duration ttl;
    private Map<String, String> idByEmail = Map.of();
    private Map<String, String> emailById = Map.of();
    private Instant loadedAt;

    public UserDirectory(RecordPager pager, Clock clock, Duration ttl) {
        this.pager = pager;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The Zoho user id of {@code email}; empty when no active user has it. */
    public synchronized Optional<String> idFor(String email) {
        String key = email.toLowerCase(Locale.ROOT);
        if (stale(ttl)) {
            reload();
        }
        String id = idByEmail.get(key);
        if (id == null && stale(MISS_RELOAD_INTERVAL)) {
            reload();
            id = idByEmail.get(key);
        }
        return Optional.ofNullable(id);
    }

    /** User id to lower-case e-mail, loaded now (the project sync wants the current list). */
    public synchronized Map<String, String> reloadAndGet() {
        reload();
        return emailById;
    }

    private boolean stale(Duration age) {
        return loadedAt == null || !clock.now().isBefore(loadedAt.plus(age));
    }

    private void reload() {
        Map<String, String> byEmail = new HashMap<>();
        Map<String, String> byId = new HashMap<>();
        for (JsonObject user : pager.activeUsers()) {
            String id = JsonReads.text(user, "id", null);
            String email = JsonReads.text(user, "email", null);
            if (id != null && email != null && !email.isBlank()) {
                byEmail.put(email.toLowerCase(Locale.ROOT), id);
                byId.put(id, email.toLowerCase(Locale.ROOT));
            }
        }
        idByEmail = Map.copyOf(byEmail);
        emailById = Map.copyOf(byId);
        loadedAt = clock.now();
    }
}
