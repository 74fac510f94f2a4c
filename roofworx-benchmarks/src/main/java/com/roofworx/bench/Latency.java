package com.roofworx.bench;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** Latencies in nanoseconds (up to a minute, three significant digits), safe to record from several threads. */
final class Latency {
    private static final long HIGHEST = TimeUnit.MINUTES.toNanos(1);

    private final Histogram histogram = new Histogram(HIGHEST, 3);

    synchronized void record(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(HIGHEST, nanos)));
    }

    /** Records {@code nanos} and the samples an open-loop run would have taken while that one stalled. */
    synchronized void recordCorrected(long nanos, long intervalNanos) {
        histogram.recordValueWithExpectedInterval(Math.max(1, Math.min(HIGHEST, nanos)), intervalNanos);
    }

    synchronized void add(Latency other) {
        histogram.add(other.histogram);
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    synchronized double ms(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }

    synchronized double maxMs() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }
}
