package com.roofworx.sdk.zoho;

import com.roofworx.sdk.Checks;
import com.roofworx.sdk.spi.AccessTokenCache;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.zoho.internal.RecordPager;
import com.roofworx.sdk.zoho.internal.RestClients;
import com.roofworx.sdk.zoho.internal.TokenEndpoint;
import com.roofworx.sdk.zoho.internal.WorkerDirectory;
import com.roofworx.sdk.zoho.internal.ZohoCalls;
import com.roofworx.sdk.zoho.internal.ZohoTokens;


/**
 * A connection to one Zoho CRM organisation: the HTTP clients, the shared access token and the worker map
 * (CRM users, Contacts or a custom module: {@link ZohoConfig#workers()}).
 * Make one per application and take the {@link #projectSource()} and {@link #coldEntrySink()} from it,
 * so both share one token and one worker map. Close it on shutdown to release the HTTP clients.
 * <p>
 * HTTP goes through MicroProfile Rest Client: Payara (and any MicroProfile runtime) provides the
 * implementation; a plain JVM adds one, plus a JSON-P implementation (see docs/zoho.md).
 */
public final class ZohoCrm implements AutoCloseable {
    private final ZohoConfig config;
    private final RestClients clients;
    private final ZohoCalls calls;
    private final RecordPager pager;
    private final WorkerDirectory workers;

    private ZohoCrm(ZohoConfig config, AccessTokenCache tokenCache, Clock clock) {
        this.config = config;
        this.clients = new RestClients(config);
        ZohoTokens tokens = new ZohoTokens(config, new TokenEndpoint(config, clients, clock), tokenCache, clock);
        this.calls = new ZohoCalls(config, clients, tokens, clock);
        this.pager = new RecordPager(calls);
        this.workers = new WorkerDirectory(pager, config.workers(), clock, config.userMapTtl());
    }

    /**
     * Connects lazily (nothing is called until the first read or write).
     *
     * @param tokenCache where the access token is shared between instances (an in-memory cache for one
     *                   instance, the Redis adapter's for several)
     */
    public static ZohoCrm connect(ZohoConfig config, AccessTokenCache tokenCache) {
        return connect(config, tokenCache, Clock.system());
    }

    public static ZohoCrm connect(ZohoConfig config, AccessTokenCache tokenCache, Clock clock) {
        return new ZohoCrm(Checks.notNull("config", config), Checks.notNull("tokenCache", tokenCache),
                Checks.notNull("clock", clock));
    }

    public ZohoConfig config() {
        return config;
    }

    /** Active Deals as projects, with assignments from the junction module. */
    public ZohoProjectSource projectSource() {
        return new ZohoProjectSource(config, pager, workers);
    }

    /** Time entries upserted into the Time_Entries module. */
    public ZohoColdEntrySink coldEntrySink() {
        return new ZohoColdEntrySink(config, calls, workers);
    }

    @Override
    public void close() {
        clients.close();
    }
}
