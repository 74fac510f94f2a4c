package com.roofworx.sdk.zoho;

import com.roofworx.sdk.memory.InMemoryAccessTokenCache;
import com.roofworx.sdk.spi.AccessTokenCache;
import com.roofworx.sdk.spi.Clock;
import com.roofworx.sdk.testkit.zoho.DuplicateCheck;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A simulator plus adapters connected to it; closes everything it started. The simulator enforces the
 * entry key only when the adapter names it in {@code duplicate_check_fields}, so an adapter that stopped
 * naming it would make duplicates here instead of being rescued by the module's unique field.
 */
final class ZohoFixture implements AutoCloseable {
    final ZohoCrmSimulator simulator = ZohoCrmSimulator.start().duplicateCheck(DuplicateCheck.REQUESTED_ONLY);
    final AccessTokenCache tokenCache = new InMemoryAccessTokenCache();
    private final List<ZohoCrm> connections = new ArrayList<>();

    ZohoConfig.Builder configBuilder() {
        return ZohoConfig.builder()
                .baseUrlOverride(simulator.baseUrl())
                .clientId(ZohoCrmSimulator.CLIENT_ID)
                .clientSecret(ZohoCrmSimulator.CLIENT_SECRET)
                .refreshToken(ZohoCrmSimulator.REFRESH_TOKEN)
                .activeStages(Set.of("Closed Won"))
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5));
    }

    /** A connection with the default test configuration, sharing this fixture's token cache. */
    ZohoCrm connect() {
        return connect(b -> b);
    }

    ZohoCrm connect(UnaryOperator<ZohoConfig.Builder> customise) {
        return connect(customise, tokenCache);
    }

    ZohoCrm connect(UnaryOperator<ZohoConfig.Builder> customise, AccessTokenCache cache) {
        return connect(customise, cache, Clock.system());
    }

    ZohoCrm connect(UnaryOperator<ZohoConfig.Builder> customise, AccessTokenCache cache, Clock clock) {
        ZohoCrm crm = ZohoCrm.connect(customise.apply(configBuilder()).build(), cache, clock);
        connections.add(crm);
        return crm;
    }

    @Override
    public void close() {
        connections.forEach(ZohoCrm::close);
        simulator.close();
    }
}
