package com.roofworx.app.infrastructure.health;

import com.roofworx.app.infrastructure.RoofworxRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness: the SDK is built. Backing services belong to readiness: an outage must not restart instances. */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    @Inject
    RoofworxRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("roofworx").status(!runtime.probes().isEmpty()).build();
    }
}
