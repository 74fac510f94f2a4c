package com.roofworx.sdk.zoho.internal;

import com.roofworx.sdk.zoho.ZohoConfig;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Builds the MicroProfile Rest Client proxies, one per base URL, always with the configured connect and
 * read timeouts. TLS uses the JVM's trust store and the implementation's default hostname verifier: no
 * verifier or trust-all context is ever installed. The default response-exception mapper is switched off
 * so every status reaches the caller as a {@link jakarta.ws.rs.core.Response}.
 */
public final class RestClients {
    static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    private final ZohoConfig config;
    private final Map<URI, ZohoCrmApi> crm = new ConcurrentHashMap<>();
    private volatile ZohoAccountsApi accounts;

    public RestClients(ZohoConfig config) {
        this.config = config;
    }

    ZohoAccountsApi accounts() {
        ZohoAccountsApi api = accounts;
        if (api == null) {
            api = build(config.accountsUrl(), ZohoAccountsApi.class);
            accounts = api;
        }
        return api;
    }

    ZohoCrmApi crm(URI baseUrl) {
        return crm.computeIfAbsent(baseUrl, url -> build(url, ZohoCrmApi.class));
    }

    /** Closes every proxy that can be closed (the implementation's connection pools). */
    public void close() {
        java.util.List<Object> all = new java.util.ArrayList<>(crm.values());
        if (accounts != null) {
            all.add(accounts);
        }
        crm.clear();
        accounts = null;
        for (Object proxy : all) {
            if (proxy instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Closing is best effort: the proxies are discarded either way.
                }
            }
        }
    }

    private <T> T build(URI baseUrl, Class<T> type) {
        return RestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .build(type);
    }
}
