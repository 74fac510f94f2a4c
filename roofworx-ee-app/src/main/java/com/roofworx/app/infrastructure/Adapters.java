package com.roofworx.app.infrastructure;

import com.roofworx.sdk.event.RoofworxEventListener;
import com.roofworx.sdk.spi.AccessTokenCache;
import com.roofworx.sdk.spi.ColdEntrySink;
import com.roofworx.sdk.spi.HotEntryStore;
import com.roofworx.sdk.spi.ProjectCache;
import com.roofworx.sdk.spi.ProjectSource;
import com.roofworx.sdk.spi.WarmEntryStore;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The five adapters the SDK runs on, with the probes that check their services and the resources (clients,
 * pools) to close after the SDK has stopped. Built by {@link AdapterWiring} from the settings.
 */
public final class Adapters implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Adapters.class.getName());

    ProjectSource projectSource;
    ProjectCache projectCache;
    HotEntryStore hotStore;
    WarmEntryStore warmStore;
    ColdEntrySink coldSink;
    /** Where the Zoho access token is shared; set by the Redis wiring, else an in-memory one. */
    AccessTokenCache tokenCache;
    /** Event listeners the adapters' health tracking needs. */
    final List<RoofworxEventListener> listeners = new ArrayList<>();
    final List<StoreProbe> probes = new ArrayList<>();
    /** Open while PostgreSQL is known to be unreachable: shared by the warm store's guard and its probe. */
    StoreGuard.Breaker warmBreaker = new StoreGuard.Breaker(AdapterWiring.DEFAULT_FAIL_FAST, System::nanoTime);
    /** Closed in reverse order of registration. */
    final List<AutoCloseable> resources = new ArrayList<>();

    public List<StoreProbe> probes() {
        return List.copyOf(probes);
    }

    <T extends AutoCloseable> T own(T resource) {
        resources.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing " + resources.get(i).getClass().getSimpleName() + " failed: "
                        + e.getMessage());
            }
        }
        resources.clear();
    }
}
