package com.roofworx.app.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.net.http.HttpRequest;

/**
 * Open-loop HTTP load against the running WAR, from this JVM (the server runs in its own): the container's floor
 * ({@code GET /health/live}), {@code GET /api/projects} and {@code POST /api/time-entries} at fixed rates, with
 * latencies from each request's scheduled send time. Then, for the floor and the submit, higher rates while the
 * p99 stays within the bound, which gives {@code RATIO http_submit_vs_floor}: the submit's throughput within the
 * bound over the floor's. Prints figures; asserts nothing.
 * <p>
 * System properties: {@code httpbench.seconds} per run (10), {@code httpbench.p99BoundMs} (10),
 * {@code httpbench.jfr} a file to record a flight recording of the server into during an extra submit run at
 * 1,000 requests/s, {@code httpbench.url} an app already running (then the environment variable
 * {@code ROOFWORX_TOKEN} holds a worker's token, and the app's submit rate limit should be off). Without a URL the
 * bench launches the stack itself from {@code httpbench.war} and {@code httpbench.payaraJar}.
 */
public final class HttpBench {
    private static final int[] RATES = {500, 1_000, 2_000};
    private static final int[] HIGHER = {3_000, 4_000, 6_000, 8_000};
    private static final int WARM_UP_SECONDS = 5;

    private HttpBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("httpbench.seconds", 10);
        double boundMs = Double.parseDouble(System.getProperty("httpbench.p99BoundMs", "10"));
        String url = System.getProperty("httpbench.url", "");
        String jfr = System.getProperty("httpbench.jfr", "");
        try (Target target = url.isBlank() ? launch() : Target.running(URI.create(url), System.getenv("ROOFWORX_TOKEN"));
             OpenLoop load = new OpenLoop()) {
            Requests requests = new Requests(target.base(), target.tokens());
            System.out.printf("HTTP bench against %s: open loop, %d s per run, latency from each request's scheduled"
                    + " send time; %d worker(s)%n", target.base(), seconds, target.tokens().size());
            for (Supplier<HttpRequest> warmUp : List.of(requests.live(), requests.projects(), requests.submit())) {
                load.run("warm-up", warmUp, 500, WARM_UP_SECONDS);
            }
            List<OpenLoop.Run> floor = ladder(load, "GET /health/live", requests.live(), seconds, boundMs);
            for (int rate : RATES) {
                print(load.run("GET /api/projects", requests.projects(), rate, seconds));
            }
            List<OpenLoop.Run> submit = ladder(load, "POST /api/time-entries", requests.submit(), seconds, boundMs);
            ratio(floor, submit, boundMs);
            if (!jfr.isBlank()) {
                new FlightRecording(target.serverPid(), Path.of(jfr)).during(
                        () -> print(load.run("POST /api/time-entries (recorded)", requests.submit(), 1_000, seconds)));
            }
        }
    }

    private static Target launch() throws Exception {
        return Target.launch(Path.of(System.getProperty("httpbench.war", "target/roofworx.war")),
                Path.of(System.getProperty("httpbench.payaraJar", "target/payara-micro.jar")),
                Path.of(System.getProperty("httpbench.workDir", "target/http-bench")), List.of());
    }

    /**
     * Runs the fixed rates, then higher ones while the server keeps up: the p99 within the bound, or (on a machine
     * too busy for the bound) at least 95 % of the offered rate answered; nothing failed either way.
     */
    private static List<OpenLoop.Run> ladder(OpenLoop load, String name, Supplier<HttpRequest> requests, int seconds,
                                             double boundMs) throws InterruptedException {
        List<OpenLoop.Run> runs = new ArrayList<>();
        for (int rate : RATES) {
            runs.add(print(load.run(name, requests, rate, seconds)));
        }
        for (int i = 0; i < HIGHER.length && keptUp(runs.get(runs.size() - 1), boundMs); i++) {
            runs.add(print(load.run(name, requests, HIGHER[i], seconds)));
        }
        return runs;
    }

    /**
     * The submit's throughput over the floor's, each the highest rate answered with its p99 within the bound. When
     * the floor itself never stays within it (a busy machine), the highest rates answered at all are compared, and
     * the line says so; the floor's is then a lower bound when it kept up with the highest rate offered.
     */
    private static void ratio(List<OpenLoop.Run> floor, List<OpenLoop.Run> submit, double boundMs) {
        double floorAtBound = best(floor, boundMs);
        boolean bounded = floorAtBound > 0;
        double floorRate = bounded ? floorAtBound : best(floor, Double.MAX_VALUE);
        double submitRate = best(submit, bounded ? boundMs : Double.MAX_VALUE);
        System.out.printf("%nthroughput %s: GET /health/live %,.0f req/s, POST /api/time-entries %,.0f req/s%n",
                bounded ? String.format("with p99 <= %.0f ms", boundMs) : "answered (no run within the p99 bound)",
                floorRate, submitRate);
        System.out.printf("RATIO http_submit_vs_floor %.2f%n", submitRate / floorRate);
    }

    private static double best(List<OpenLoop.Run> runs, double boundMs) {
        return runs.stream().filter(r -> within(r, boundMs)).mapToDouble(OpenLoop.Run::achieved).max().orElse(0);
    }

    private static boolean keptUp(OpenLoop.Run run, double boundMs) {
        return within(run, boundMs) || run.errors() == 0 && run.achieved() >= 0.95 * run.rate();
    }

    private static boolean within(OpenLoop.Run run, double boundMs) {
        return run.errors() == 0 && run.ms(99) <= boundMs;
    }

    private static OpenLoop.Run print(OpenLoop.Run run) {
        System.out.printf("%-36s %,6d req/s offered %,8.0f answered/s   p50 %7.2f ms   p99 %7.2f ms   p99.9 %7.2f ms"
                        + "   max %8.2f ms   errors %d%n", run.name(), run.rate(), run.achieved(), run.ms(50), run.ms(99),
                run.ms(99.9), run.latency().getMaxValue() / 1e6, run.errors());
        return run;
    }
}
