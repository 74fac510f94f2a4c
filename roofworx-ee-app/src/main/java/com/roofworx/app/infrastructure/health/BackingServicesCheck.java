package com.roofworx.app.infrastructure.health;

import com.roofworx.app.infrastructure.RoofworxRuntime;
import com.roofworx.app.infrastructure.StoreProbe.Result;
import com.roofworx.app.infrastructure.StoreProbe.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Readiness means "this instance can take submits": UP while Redis or PostgreSQL is UP, because the SDK writes
 * a submit to whichever of the two answers. Zoho is reported (UP or DEGRADED) but never decides. Answers within
 * the probes' deadline however the services fail.
 * <p>
 * The endpoint is unauthenticated, so it shows states and counts only. What went wrong (driver messages, host
 * names) goes to the server log, once per change of state.
 */
@Readiness
@ApplicationScoped
public class BackingServicesCheck implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(BackingServicesCheck.class.getName());
    /** The stores a submit can land in. */
    static final Set<String> ENTRY_STORES = Set.of("redis", "postgresql");

    private final Map<String, Status> lastStates = new ConcurrentHashMap<>();

    @Inject
    RoofworxRuntime runtime;

    /** What the readiness check reports: whether submits can be taken, and the data shown to anyone. */
    public record Report(boolean ready, Map<String, Object> data) {
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Result> results = runtime.checkProbes();
        results.forEach(this::logChange);
        Report report = report(results);
        HealthCheckResponseBuilder b = HealthCheckResponse.named("roofworx-backing-services").status(report.ready());
        report.data().forEach((k, v) -> {
            if (v instanceof Long n) {
                b.withData(k, n);
            } else {
                b.withData(k, String.valueOf(v));
            }
        });
        return b.build();
    }

    public static Report report(Map<String, Result> results) {
        Map<String, Object> data = new LinkedHashMap<>();
        boolean canSubmit = false;
        for (Map.Entry<String, Result> e : results.entrySet()) {
            Result r = e.getValue();
            data.put(e.getKey(), r.status().name());
            data.putAll(r.counts());
            canSubmit |= ENTRY_STORES.contains(e.getKey()) && r.status() != Status.DOWN;
        }
        return new Report(canSubmit, data);
    }

    private void logChange(String name, Result r) {
        Status before = lastStates.put(name, r.status());
        if (before != r.status() && (before != null || r.status() != Status.UP)) {
            LOG.warning(() -> name + " is now " + r.status() + ": " + r.detail());
        }
    }
}
