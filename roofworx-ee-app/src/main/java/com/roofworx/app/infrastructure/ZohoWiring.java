package com.roofworx.app.infrastructure;

import com.roofworx.sdk.memory.InMemoryAccessTokenCache;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.ProjectSource;
import com.roofworx.sdk.zoho.ZohoConfig;
import com.roofworx.sdk.zoho.ZohoCrm;
import com.roofworx.sdk.zoho.ZohoDataCenter;
import com.roofworx.sdk.zoho.ZohoFields;
import com.roofworx.sdk.zoho.ZohoWorkers;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The Zoho CRM adapters: Deals as the project source, the Time_Entries module as the cold sink, one OAuth
 * grant for both. The access token is shared through Redis when the hot store is Redis, so all instances
 * refresh it at most once per lifetime.
 */
final class ZohoWiring {
    static final String PREFIX = "roofworx.zoho.";
    /** Zoho is never on a submit's path, but a project cache miss waits for it: keep both bounds short. */
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);

    /** Field API-name settings ({@code roofworx.zoho.fields.<name>}) and the builder setter each feeds. */
    private static final Map<String, BiFunction<ZohoFields.Builder, String, ZohoFields.Builder>> FIELDS = Map.ofEntries(
            Map.entry("deal-name", ZohoFields.Builder::dealName),
            Map.entry("deal-stage", ZohoFields.Builder::dealStage),
            Map.entry("deal-account", ZohoFields.Builder::dealAccount),
            Map.entry("deal-address", ZohoFields.Builder::dealAddress),
            Map.entry("assignment-deal", ZohoFields.Builder::assignmentDeal),
            Map.entry("assignment-worker", ZohoFields.Builder::assignmentWorker),
            Map.entry("entry-external-id", ZohoFields.Builder::entryExternalId),
            Map.entry("entry-name", ZohoFields.Builder::entryName),
            Map.entry("entry-deal", ZohoFields.Builder::entryDeal),
            Map.entry("entry-worker", ZohoFields.Builder::entryWorker),
            Map.entry("entry-work-date", ZohoFields.Builder::entryWorkDate),
            Map.entry("entry-hours", ZohoFields.Builder::entryHours),
            Map.entry("entry-notes", ZohoFields.Builder::entryNotes),
            Map.entry("entry-task-type", ZohoFields.Builder::entryTaskType),
            Map.entry("entry-version", ZohoFields.Builder::entryVersion),
            Map.entry("entry-status", ZohoFields.Builder::entryStatus),
            Map.entry("active-status", ZohoFields.Builder::activeStatus),
            Map.entry("voided-status", ZohoFields.Builder::voidedStatus));

    private ZohoWiring() {
    }

    static void wire(Adapters a, Settings settings) {
        ZohoConfig config = config(settings);
        if (a.tokenCache == null) {
            a.tokenCache = new InMemoryAccessTokenCache();
        }
        ZohoCrm crm = a.own(ZohoCrm.connect(config, a.tokenCache));
        ZohoHealth health = new ZohoHealth();
        a.projectSource = CallObserver.observe(ProjectSource.class, crm.projectSource(), health::observed);
        a.coldSink = CallObserver.observe(ColdEntrySink.class, crm.coldEntrySink(), health::observed);
        a.listeners.add(health);
        a.probes.add(health);
    }

    static ZohoConfig config(Settings s) {
        String dc = s.text(PREFIX + "data-center", ZohoConfig.DEFAULT_DATA_CENTER.name()).toUpperCase(Locale.ROOT);
        ZohoDataCenter dataCenter;
        try {
            dataCenter = ZohoDataCenter.valueOf(dc);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PREFIX + "data-center must be one of "
                    + List.of(ZohoDataCenter.values()) + " but was " + dc);
        }
        ZohoFields.Builder fields = ZohoFields.defaults().toBuilder();
        FIELDS.forEach((name, setter) -> s.optional(PREFIX + "fields." + name).ifPresent(v -> setter.apply(fields, v)));
        ZohoConfig.Builder b = ZohoConfig.builder()
                .dataCenter(dataCenter)
                .clientId(s.required(PREFIX + "client-id"))
                .clientSecret(s.required(PREFIX + "client-secret"))
                .refreshToken(s.required(PREFIX + "refresh-token"))
                .dealsModule(s.text(PREFIX + "deals-module", ZohoConfig.DEFAULT_DEALS_MODULE))
                .assignmentsModule(s.text(PREFIX + "assignments-module", ZohoConfig.DEFAULT_ASSIGNMENTS_MODULE))
                .timeEntriesModule(s.text(PREFIX + "time-entries-module", ZohoConfig.DEFAULT_TIME_ENTRIES_MODULE))
                .activeStages(new LinkedHashSet<>(s.list(PREFIX + "active-stages",
                        List.copyOf(ZohoConfig.DEFAULT_ACTIVE_STAGES))))
                .fields(fields.build());
        s.optional(PREFIX + "base-url").ifPresent(b::baseUrlOverride);
        b.connectTimeout(s.duration(PREFIX + "connect-timeout", DEFAULT_CONNECT_TIMEOUT, false));
        b.readTimeout(s.duration(PREFIX + "read-timeout", DEFAULT_READ_TIMEOUT, false));
        b.workers(workers(s));
        return b.build();
    }

    /** {@code roofworx.zoho.workers}: {@code users} (the default), {@code contacts} or a module's API name. */
    static ZohoWorkers workers(Settings s) {
        String where = s.text(PREFIX + "workers", "users");
        if (where.equalsIgnoreCase("users")) {
            return ZohoWorkers.users();
        }
        String module = where.equalsIgnoreCase("contacts") ? ZohoWorkers.CONTACTS : where;
        return ZohoWorkers.module(module, s.text(PREFIX + "workers-email-field", ZohoWorkers.DEFAULT_EMAIL_FIELD))
                .onlyWhere(s.optional(PREFIX + "workers-active-field").orElse(null));
    }
}
