package com.roofworx.app.support;

import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** The settings that point the app at {@link BackingServices} and a {@link DevTokens} issuer. */
public final class AppSettingsFor {
    public static final String CRON_SECRET = "cron-secret-for-tests";
    public static final String WEBHOOK_SECRET = "webhook-secret-for-tests";
    public static final String CHANNEL_TOKEN = "channel-token-for-tests";

    private AppSettingsFor() {
    }

    public static Map<String, String> of(BackingServices services, DevTokens tokens) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("mp.jwt.verify.publickey", tokens.publicKeyPem());
        s.put("mp.jwt.verify.issuer", tokens.issuer());
        s.put("roofworx.cron.secret", CRON_SECRET);
        s.put("roofworx.webhook.secret", WEBHOOK_SECRET);
        s.put("roofworx.webhook.notification-token", CHANNEL_TOKEN);
        // Real Redis and PostgreSQL, and the Zoho CRM simulator for projects and the Time_Entries copy.
        // Tests watch entries reach Zoho within seconds: no batching linger.
        s.put("roofworx.sync.cold-linger", "PT0S");
        s.put("roofworx.store.hot", "redis");
        s.put("roofworx.store.warm", "postgres");
        s.put("roofworx.store.cold", "zoho");
        s.put("roofworx.redis.uri", services.redisUri());
        s.put("roofworx.jdbc.url", services.jdbcUrl());
        s.put("roofworx.jdbc.user", "postgres");
        s.put("roofworx.jdbc.password", "postgres");
        s.put("roofworx.zoho.base-url", services.zoho().baseUrl());
        s.put("roofworx.zoho.client-id", ZohoCrmSimulator.CLIENT_ID);
        s.put("roofworx.zoho.client-secret", ZohoCrmSimulator.CLIENT_SECRET);
        s.put("roofworx.zoho.refresh-token", ZohoCrmSimulator.REFRESH_TOKEN);
        return s;
    }
}
