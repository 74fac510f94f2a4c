package com.roofworx.app.bench;

import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An open-loop load generator: requests leave on a fixed schedule whatever the server's answers, and each latency
 * runs from the request's scheduled send time, not its actual one. A server that stalls therefore shows its stall
 * in every request that should have gone out meanwhile (no coordinated omission), as real clients would see it.
 */
final class OpenLoop implements AutoCloseable {
    /**
     * Beyond this many requests in flight the schedule waits (the wait still counts in the latencies), as a
     * client with a fixed set of connections would; without a bound a stalled server would be sent ever more
     * new connections, measuring connection setup rather than the requests.
     */
    static final int MAX_IN_FLIGHT = Integer.getInteger("httpbench.connections", 32);
    private static final long HIGHEST = TimeUnit.MINUTES.toNanos(1);

    private final ExecutorService callbacks = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "open-loop");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(callbacks).build();

    /** The outcome of one run at one rate. */
    record Run(String name, int rate, double achieved, Histogram latency, long errors) {
        double ms(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }
    }

    Run run(String name, Supplier<HttpRequest> requests, int perSecond, int seconds) throws InterruptedException {
        long total = (long) perSecond * seconds;
        long interval = 1_000_000_000L / perSecond;
        Histogram latency = new Histogram(HIGHEST, 3);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        CountDownLatch done = new CountDownLatch((int) total);
        AtomicLong errors = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                if (wait > 200_000) {
                    Thread.sleep(0, 100_000);
                } else {
                    Thread.onSpinWait();
                }
            }
            inFlight.acquire();
            client.sendAsync(requests.get(), HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
                long now = System.nanoTime();
                synchronized (latency) {
                    latency.recordValue(Math.min(HIGHEST, Math.max(1, now - scheduled)));
                }
                if (failure != null || answer.statusCode() >= 400) {
                    errors.incrementAndGet();
                }
                lastAnswer.accumulateAndGet(now, Math::max);
                inFlight.release();
                done.countDown();
            });
        }
        if (!done.await(2, TimeUnit.MINUTES)) {
            errors.addAndGet(done.getCount());
        }
        double seconds2 = (lastAnswer.get() - start) / 1e9;
        return new Run(name, perSecond, (total - done.getCount()) / seconds2, latency, errors.get());
    }

    @Override
    public void close() {
        callbacks.shutdownNow();
    }
}
