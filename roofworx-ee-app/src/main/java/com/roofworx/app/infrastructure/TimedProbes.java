package com.roofworx.app.infrastructure;

import com.roofworx.app.infrastructure.StoreProbe.Result;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the probes side by side and answers within a deadline whatever the services do: a probe that has not
 * answered by then counts as DOWN ("no answer"), so a black-holed service cannot hold the health endpoint (and
 * the load balancer's check) for a client timeout. A probe still running from an earlier check is waited for,
 * not started again, so a hanging service ties up at most one thread per probe however often health is asked.
 */
public final class TimedProbes {
    private final List<StoreProbe> probes;
    private final Executor executor;
    private final Duration deadline;
    private final Map<String, CompletableFuture<Result>> running = new ConcurrentHashMap<>();

    public TimedProbes(List<StoreProbe> probes, Executor executor, Duration deadline) {
        this.probes = List.copyOf(probes);
        this.executor = executor;
        this.deadline = deadline;
    }

    /** Each probe's result by name, in probe order; returns within about the deadline. */
    public Map<String, Result> checkAll() {
        long until = System.nanoTime() + deadline.toNanos();
        Map<String, CompletableFuture<Result>> started = new LinkedHashMap<>();
        for (StoreProbe probe : probes) {
            started.put(probe.name(), running.compute(probe.name(), (name, previous) ->
                    previous == null || previous.isDone() ? start(probe) : previous));
        }
        Map<String, Result> results = new LinkedHashMap<>();
        started.forEach((name, future) -> results.put(name, await(future, until)));
        return results;
    }

    private CompletableFuture<Result> start(StoreProbe probe) {
        try {
            return CompletableFuture.supplyAsync(probe::check, executor);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Result.down("probe could not start: " + e));
        }
    }

    private Result await(CompletableFuture<Result> future, long until) {
        try {
            return future.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Result.down("no answer within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Result.down(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.down("interrupted");
        }
    }
}
