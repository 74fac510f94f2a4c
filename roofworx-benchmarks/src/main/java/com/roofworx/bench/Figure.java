package com.roofworx.bench;

/**
 * One measured line of the table: a rate and, where the run timed single operations, their latency.
 *
 * @param rate operations (or rows, or entries) per second; NaN where only latency was measured
 * @param latency per-operation latency (for the lag runs: submit to PostgreSQL), or null
 */
record Figure(String name, double rate, String unit, Latency latency, String note) {
    double p99() {
        return latency == null ? Double.NaN : latency.ms(99);
    }
}
