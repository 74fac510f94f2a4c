package com.roofworx.app.bench;

import com.roofworx.app.demo.PayaraProcess;
import com.roofworx.app.support.Api;
import com.roofworx.app.support.AppSettingsFor;
import com.roofworx.app.support.BackingServices;
import com.roofworx.app.support.DevTokens;
import com.roofworx.app.support.Http;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Submit latency of the WAR on Payara Micro with real Redis, PostgreSQL and the Zoho simulator behind it:
 * a closed loop of {@code bench.threads} clients for {@code bench.seconds} after a warm-up. Prints the
 * client-side and the server-side (Server-Timing) percentiles; asserts nothing.
 * <pre>mvn -B -q -f roofworx-ee-app/pom.xml -DskipTests package exec:java
 *   -Dexec.mainClass=com.roofworx.app.bench.PostLatencyBench -Dexec.classpathScope=test</pre>
 */
public final class PostLatencyBench {
    private PostLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.getInteger("bench.threads", 4);
        int seconds = Integer.getInteger("bench.seconds", 10);
        int port = Integer.getInteger("bench.port", 8089);
        Path work = Files.createDirectories(Path.of("target/bench"));
        try (BackingServices services = BackingServices.start()) {
            DevTokens tokens = new DevTokens();
            var settings = new java.util.LinkedHashMap<>(AppSettingsFor.of(services, tokens));
            // -Dbench.syncAfterSubmit=false isolates the request path from the background drain.
            settings.put("roofworx.sync.after-submit", System.getProperty("bench.syncAfterSubmit", "true"));
            PayaraProcess payara = new PayaraProcess(Path.of("target/payara-micro.jar"), Path.of("target/roofworx.war"),
                    port, work);
            try {
                payara.start(settings);
                URI base = URI.create("http://localhost:" + port + "/");
                payara.awaitReady(base.resolve("health/ready"));
                Api api = new Api(base, tokens);
                String token = api.worker(Api.ANA);
                String project = api.projectId(token, "Maple St re-roof");
                run(api, token, project, threads, 3);
                long started = System.nanoTime();
                List<long[]> samples = run(api, token, project, threads, seconds);
                double took = (System.nanoTime() - started) / 1e9;
                report(samples, took, threads);
            } finally {
                payara.stop();
            }
        }
    }

    /** Each sample: client nanos, server micros (from Server-Timing). */
    private static List<long[]> run(Api api, String token, String project, int threads, int seconds)
            throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<long[]>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                List<long[]> mine = new ArrayList<>();
                while (System.nanoTime() < end) {
                    String body = Api.entryJson(UUID.randomUUID(), project, Api.today(), 60,
                            "a forty character note for the benchmark");
                    long t0 = System.nanoTime();
                    Http.Answer a = api.submit(token, body);
                    long client = System.nanoTime() - t0;
                    if (a.status() != 201) {
                        throw new IllegalStateException("submit answered " + a);
                    }
                    String timing = a.header("Server-Timing");
                    long server = (long) (Double.parseDouble(timing.substring(timing.indexOf('=') + 1)) * 1000);
                    mine.add(new long[]{client, server});
                }
                return mine;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<List<long[]>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }

    private static void report(List<long[]> samples, double seconds, int threads) {
        long[] client = samples.stream().mapToLong(s -> s[0] / 1000).sorted().toArray();
        long[] server = samples.stream().mapToLong(s -> s[1]).sorted().toArray();
        System.out.printf(Locale.ROOT, "POST /api/time-entries, %d threads, %.1f s: %d submits, %.0f/s%n", threads,
                seconds, samples.size(), samples.size() / seconds);
        System.out.printf(Locale.ROOT, "  client  p50 %.2f ms  p99 %.2f ms  max %.2f ms%n", pct(client, 50),
                pct(client, 99), client[client.length - 1] / 1000.0);
        System.out.printf(Locale.ROOT, "  server  p50 %.2f ms  p99 %.2f ms  (Server-Timing)%n", pct(server, 50),
                pct(server, 99));
    }

    private static double pct(long[] sortedMicros, int p) {
        int i = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(i, sortedMicros.length - 1))] / 1000.0;
    }
}
