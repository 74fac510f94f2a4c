package com.roofworx.app.infrastructure;

import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.ProjectCache;
import com.roofworx.sdk.spi.WarmEntryStore;

import java.time.Duration;

/**
 * Chooses each tier's adapter from the settings: {@code roofworx.store.hot} (redis | memory),
 * {@code roofworx.store.warm} (postgres | memory), {@code roofworx.store.cold} (zoho | memory; also the project
 * source). The defaults are the real services, so a deployment never runs on memory by accident.
 */
final class AdapterWiring {
    static final String FAIL_FAST = "roofworx.jdbc.fail-fast";
    static final Duration DEFAULT_FAIL_FAST = Duration.ofSeconds(5);

    private AdapterWiring() {
    }

    /**
     * Both entry stores behind a {@link StoreGuard}: PostgreSQL fails fast for a while after it was found down
     * (each call would otherwise wait out the pool's timeout); Redis already fails fast while disconnected, so
     * its guards (entries and the project cache) only turn its failures into 503s and report them.
     */
    private static void guard(Adapters a, AppSettings settings) {
        a.warmStore = StoreGuard.guard(WarmEntryStore.class, a.warmStore, "warm", a.warmBreaker);
        a.hotStore = StoreGuard.guard(HotEntryStore.class, a.hotStore, "hot", Duration.ZERO, System::nanoTime);
        a.projectCache = StoreGuard.guard(ProjectCache.class, a.projectCache, "project-cache", Duration.ZERO,
                System::nanoTime);
    }

    static Adapters create(AppSettings settings) {
        Adapters a = new Adapters();
        a.warmBreaker = new StoreGuard.Breaker(settings.raw().duration(FAIL_FAST, DEFAULT_FAIL_FAST, true),
                System::nanoTime);
        try {
            switch (settings.hotStore()) {
                case "memory" -> MemoryWiring.hot(a);
                default -> RedisWiring.wire(a, settings.raw());
            }
            switch (settings.warmStore()) {
                case "memory" -> MemoryWiring.warm(a);
                default -> PostgresWiring.wire(a, settings.raw());
            }
            switch (settings.coldStore()) {
                case "memory" -> MemoryWiring.cold(a, settings.raw());
                default -> ZohoWiring.wire(a, settings.raw());
            }
            guard(a, settings);
            return a;
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }
}
