/**
 * The SDK's metrics in any Micrometer registry: {@link com.roofworx.sdk.micrometer.RoofworxMeters}, an event
 * listener plus gauges read from the sync engine. The metric names are listed in docs/metrics.md.
 */
package com.roofworx.sdk.micrometer;
