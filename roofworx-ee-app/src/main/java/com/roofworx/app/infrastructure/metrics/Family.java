package com.roofworx.app.infrastructure.metrics;

import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** One metric family (counter or histogram) with its series by label set. Label values must not be secret. */
final class Family {
    /** Latency buckets in seconds: the API's targets sit between 1 and 50 ms. */
    static final double[] LATENCY = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
    /** Sync lag buckets in seconds: from an immediate background sync to a day of outage. */
    static final double[] LAG = {0.05, 0.1, 0.25, 0.5, 1, 5, 30, 60, 300, 1800, 3600, 86400};

    private final String name;
    private final String help;
    private final double[] buckets;
    private final ConcurrentMap<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Histogram> histograms = new ConcurrentHashMap<>();

    private Family(String name, String help, double[] buckets) {
        this.name = name;
        this.help = help;
        this.buckets = buckets;
    }

    static Family counter(String name, String help) {
        return new Family(name, help, null);
    }

    static Family histogram(String name, String help, double[] buckets) {
        return new Family(name, help, buckets);
    }

    void inc(String... labelPairs) {
        counters.computeIfAbsent(labels(labelPairs), k -> new LongAdder()).increment();
    }

    void observe(double value, String... labelPairs) {
        histograms.computeIfAbsent(labels(labelPairs), k -> new Histogram(buckets)).observe(value);
    }

    long count(String... labelPairs) {
        LongAdder adder = counters.get(labels(labelPairs));
        return adder == null ? 0 : adder.sum();
    }

    long total() {
        return counters.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void render(StringBuilder out) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(buckets == null ? " counter" : " histogram").append('\n');
        if (buckets == null) {
            new TreeMap<>(counters).forEach((labels, value) -> out.append(name)
                    .append(labels.isEmpty() ? "" : "{" + labels.substring(0, labels.length() - 1) + "}")
                    .append(' ').append(value.sum()).append('\n'));
        } else {
            new TreeMap<>(histograms).forEach((labels, h) -> h.render(out, name, labels));
        }
    }

    /** "k1", "v1", "k2", "v2" → {@code k1="v1",k2="v2",} with values escaped. */
    private static String labels(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            String v = pairs[i + 1] == null ? "" : pairs[i + 1];
            b.append(pairs[i]).append("=\"").append(v.replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n")).append("\",");
        }
        return b.toString();
    }

    static void gauge(StringBuilder out, String name, String help, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append(name).append(' ').append(value).append('\n');
    }
}
