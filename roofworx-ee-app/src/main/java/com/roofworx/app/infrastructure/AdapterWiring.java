package com.roofworx.app.infrastructure;

/**
 * Chooses each tier's adapter from the settings: {@code roofworx.store.hot} (redis | memory),
 * {@code roofworx.store.warm} (postgres | memory), {@code roofworx.store.cold} (zoho | memory; also the project
 * source). The defaults are the real services, so a deployment never runs on memory by accident.
 */
final class AdapterWiring {
    private AdapterWiring() {
    }

    static Adapters create(AppSettings settings) {
        Adapters a = new Adapters();
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
            return a;
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }
}
