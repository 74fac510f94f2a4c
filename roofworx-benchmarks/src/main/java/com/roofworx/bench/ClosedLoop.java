package com.roofworx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** N threads, each doing its next operation as soon as the last one returned: the highest rate, and its latency. */
final class ClosedLoop {
    private ClosedLoop() {
    }

    /** Runs {@code op(i)} for i in [0, threads * perThread), each thread its own slice. */
    static Figure run(String name, String unit, int threads, int perThread, IntConsumer op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Latency>> runs = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int first = t * perThread;
                runs.add(pool.submit(() -> {
                    Latency own = new Latency();
                    for (int i = first; i < first + perThread; i++) {
                        long t0 = System.nanoTime();
                        op.accept(i);
                        own.record(System.nanoTime() - t0);
                    }
                    return own;
                }));
            }
            Latency all = new Latency();
            for (Future<Latency> run : runs) {
                all.add(run.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Figure(name, all.count() / seconds, unit, all, threads + " threads");
        } finally {
            pool.shutdownNow();
        }
    }
}
