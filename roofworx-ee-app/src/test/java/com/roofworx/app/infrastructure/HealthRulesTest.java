package com.roofworx.app.infrastructure;

import com.roofworx.app.infrastructure.StoreProbe.Result;
import com.roofworx.app.infrastructure.health.BackingServicesCheck;
import com.roofworx.app.infrastructure.health.BackingServicesCheck.Report;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class HealthRulesTest {

    private static Report report(Result redis, Result postgres, Result zoho) {
        Map<String, Result> results = new LinkedHashMap<>();
        results.put("redis", redis);
        results.put("postgresql", postgres);
        results.put("zoho", zoho);
        return BackingServicesCheck.report(results);
    }

    private static final Result UP = Result.up("ok");
    private static final Result DOWN = Result.down("Connection to pg.internal:5432 refused (user roofworx)");

    @Test
    void readyWhileEitherEntryStoreCanTakeASubmit() {
        assertThat(report(UP, UP, UP).ready()).isTrue();
        assertThat(report(DOWN, UP, UP).ready()).isTrue();
        assertThat(report(UP, DOWN, UP).ready()).isTrue();
        assertThat(report(DOWN, DOWN, UP).ready()).isFalse();
    }

    @Test
    void zohoTroubleIsDegradedDataNeverDown() {
        Report r = report(UP, UP, Result.degraded("token refresh: HTTP 401 invalid_client 1000.ID"));
        assertThat(r.ready()).isTrue();
        assertThat(r.data()).containsEntry("zoho", "DEGRADED");
    }

    @Test
    void theReportShowsStatesAndCountsOnly() {
        Report r = report(UP.withCounts(Map.of("queued", 3L, "blocked", 1L)), DOWN,
                Result.degraded("failed for client 1000.SECRETID at accounts.zoho.eu"));
        assertThat(r.data()).containsOnlyKeys("redis", "postgresql", "zoho", "queued", "blocked")
                .containsEntry("postgresql", "DOWN").containsEntry("queued", 3L);
        assertThat(r.data().values()).allSatisfy(v -> assertThat(String.valueOf(v))
                .matches("UP|DOWN|DEGRADED|\\d+"));
    }

    @Test
    void aHangingProbeCountsAsDownWithinTheDeadlineAndIsNotStartedTwice() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        int[] started = {0};
        StoreProbe hanging = new StoreProbe() {
            @Override
            public String name() {
                return "postgresql";
            }

            @Override
            public Result check() {
                synchronized (this) {
                    started[0]++;
                }
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Result.up("late");
            }
        };
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            TimedProbes probes = new TimedProbes(List.of(StoreProbe.fixed("redis", UP), hanging), threads,
                    Duration.ofMillis(200));
            for (int i = 0; i < 3; i++) {
                long began = System.nanoTime();
                Map<String, Result> results = probes.checkAll();
                // The health requirement: an answer within 1 s whatever the service does (generous margin).
                assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(1));
                assertThat(results.get("postgresql").status()).isEqualTo(StoreProbe.Status.DOWN);
                assertThat(results.get("redis").status()).isEqualTo(StoreProbe.Status.UP);
            }
            assertThat(started[0]).isEqualTo(1);
            release.countDown();
        } finally {
            threads.shutdownNow();
        }
    }
}
