package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.metrics.RoofworxMetrics;
import com.roofworx.sdk.Roofworx;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/metrics} in the Prometheus text format. Unauthenticated like Payara's own {@code /metrics}:
 * it holds counts and timings only, never users, entries or secrets. Keep it on the internal network.
 */
@Path("metrics")
@RequestScoped
@PermitAll
public class MetricsResource {

    @Inject
    Roofworx roofworx;

    @Inject
    RoofworxMetrics metrics;

    @GET
    @Operation(summary = "Sync lag, queue depth, blocked counts, paused destinations, cache hit ratio and request "
            + "latency (Prometheus)")
    public Response scrape() {
        return Response.ok(metrics.render(roofworx.sync().stats(), roofworx.sync().pauses()),
                RoofworxMetrics.CONTENT_TYPE).build();
    }
}
