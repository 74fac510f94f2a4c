package com.roofworx.app.interfaces;

import com.roofworx.app.infrastructure.metrics.RoofworxMetrics;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.util.Locale;

/**
 * Adds {@code Server-Timing: app;dur=<ms>} to every API response so a client can tell server time from network
 * time, and records the same figure as the request latency metric.
 */
@Provider
@PreMatching
public class ServerTimingFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = ServerTimingFilter.class.getName() + ".started";

    @Inject
    RoofworxMetrics metrics;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long start)) {
            return;
        }
        long nanos = System.nanoTime() - start;
        response.getHeaders().add("Server-Timing", String.format(Locale.ROOT, "app;dur=%.2f", nanos / 1e6));
        metrics.request(request.getMethod(), resourceName(), response.getStatus(), nanos);
    }

    /** The resource method's name, or "unmatched": never the raw path, which would carry ids. */
    private String resourceName() {
        if (resource == null || resource.getResourceMethod() == null) {
            return "unmatched";
        }
        return resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
    }
}
