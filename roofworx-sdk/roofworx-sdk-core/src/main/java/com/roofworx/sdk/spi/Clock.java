package com.roofworx.sdk.spi;

import java.time.Instant;

/**
 * The SDK's only source of time, so tests can move it. Stamps created-at, computes backoff and leases,
 * and decides what is due. Work dates are compared in UTC.
 */
@FunctionalInterface
public interface Clock {

    /** The current instant. Never null. */
    Instant now();

    /** The wall clock. */
    static Clock system() {
        return Instant::now;
    }
}
