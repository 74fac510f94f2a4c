package com.roofworx.app.infrastructure;

import com.roofworx.sdk.event.RoofworxEvent;
import com.roofworx.sdk.event.RoofworxEventListener;
import com.roofworx.sdk.model.Destination;

/**
 * Zoho's state for the readiness report: DEGRADED while the last whole call to Zoho (project load or
 * Time_Entries upsert) failed, whatever the reason (outage, rate limit, a refused grant), else UP. Never DOWN:
 * every instance shares the same Zoho, so one hiccup there would take the whole fleet out of the load balancer,
 * while submits only need Redis or PostgreSQL and reach Zoho later, retried. A refused grant shows as
 * blocked entries and in the server log. Fed by the calls to Zoho and the SDK's events; does no I/O.
 */
final class ZohoHealth implements StoreProbe, RoofworxEventListener {
    private volatile String lastFailure;

    @Override
    public String name() {
        return "zoho";
    }

    @Override
    public Result check() {
        String failure = lastFailure;
        return failure == null ? Result.up("last call succeeded or none made")
                : Result.degraded("last call failed: " + failure);
    }

    /** One call to Zoho ended: null for success, else its failure. Only the text is kept, for the log. */
    void observed(Throwable failure) {
        lastFailure = failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    @Override
    public void onEvent(RoofworxEvent event) {
        if (event instanceof RoofworxEvent.StoreFailed f
                && ("cold".equals(f.store()) || "project-source".equals(f.store()))) {
            lastFailure = f.operation() + ": " + f.error();
        } else if (event instanceof RoofworxEvent.ProjectsLoaded
                || event instanceof RoofworxEvent.EntrySynced s && s.destination() == Destination.COLD) {
            lastFailure = null;
        }
    }
}
