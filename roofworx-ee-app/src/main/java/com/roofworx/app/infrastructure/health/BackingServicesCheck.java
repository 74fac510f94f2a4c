package com.roofworx.app.infrastructure.health;

import com.roofworx.app.infrastructure.RoofworxRuntime;
import com.roofworx.app.infrastructure.StoreProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: Redis, PostgreSQL and the Zoho token, one entry each. Down when any is down, so a load balancer
 * stops sending work to an instance that cannot reach them (submits would still succeed while only one store
 * is down, but the instance is not healthy).
 */
@Readiness
@ApplicationScoped
public class BackingServicesCheck implements HealthCheck {

    @Inject
    RoofworxRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("roofworx-backing-services").up();
        for (StoreProbe probe : runtime.probes()) {
            StoreProbe.Result r = probe.check();
            b.withData(probe.name(), (r.up() ? "UP: " : "DOWN: ") + r.detail());
            if (!r.up()) {
                b.down();
            }
        }
        return b.build();
    }
}
