package com.roofworx.sdk.zoho;

import com.roofworx.sdk.StoreUnavailableException;
import com.roofworx.sdk.memory.InMemoryAccessTokenCache;
import com.roofworx.sdk.spi.ProjectSource;
import com.roofworx.sdk.testkit.TestClock;
import com.roofworx.sdk.testkit.zoho.ZohoCrmSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OAuth: refresh-once on 401, permanent failures, single flight, sharing across instances, early refresh. */
class ZohoTokenIT {
    private final ZohoFixture zoho = new ZohoFixture();
    private String dealId;

    @BeforeEach
    void seed() {
        dealId = zoho.simulator.addDeal("Maple St re-roof", "Closed Won", "Hendricks", "12 Maple St");
    }

    @AfterEach
    void stop() {
        zoho.close();
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallRetriedOnce() {
        ProjectSource source = zoho.connect().projectSource();
        assertThat(source.project(dealId)).isPresent();
        zoho.simulator.expireTokens();

        assertThat(source.project(dealId)).isPresent();
        assertThat(zoho.simulator.counters().tokensMinted()).isEqualTo(2);
        assertThat(zoho.simulator.counters().unauthorized()).isEqualTo(1);
    }

    @Test
    void aSecond401AfterTheRefreshIsThrownWithoutAnotherRefresh() {
        ProjectSource source = zoho.connect().projectSource();
        zoho.simulator.faults().rejectTokenNext(2);

        assertThatThrownBy(() -> source.project(dealId))
                .isInstanceOf(StoreUnavailableException.class)
                .cause().isInstanceOfSatisfying(ZohoException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("INVALID_TOKEN");
                });
        assertThat(zoho.simulator.counters().tokensMinted()).isEqualTo(2);
        assertThat(zoho.simulator.counters().unauthorized()).isEqualTo(2);
    }

    @Test
    void aScopeMismatchIsPermanentAndRefreshesNothing() {
        ProjectSource source = zoho.connect().projectSource();
        zoho.simulator.faults().scopeMismatchNext(1);

        assertThatThrownBy(() -> source.project(dealId)).cause()
                .isInstanceOfSatisfying(ZohoException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.code()).isEqualTo("OAUTH_SCOPE_MISMATCH");
                    assertThat(e.getMessage()).contains("scope");
                });
        assertThat(zoho.simulator.counters().tokensMinted()).isEqualTo(1);
    }

    @Test
    void invalidCodeWithHttp200IsAFailureThatNamesNoSecret() {
        zoho.simulator.faults().invalidCodeNext(1);
        ProjectSource source = zoho.connect().projectSource();

        assertThatThrownBy(() -> source.project(dealId)).cause()
                .isInstanceOfSatisfying(ZohoException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_code");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain(ZohoCrmSimulator.CLIENT_SECRET)
                            .doesNotContain(ZohoCrmSimulator.REFRESH_TOKEN);
                });
        assertThat(zoho.simulator.counters().recordReads()).isZero();
    }

    @Test
    void aRefreshTokenZohoDoesNotKnowIsRefused() {
        ProjectSource source = zoho.connect(b -> b.refreshToken("1000.revoked")).projectSource();

        assertThatThrownBy(() -> source.project(dealId)).cause()
                .isInstanceOfSatisfying(ZohoException.class, e -> assertThat(e.code()).isEqualTo("invalid_code"));
    }

    @Test
    void fiftyConcurrentCallersOnNoTokenCauseOneRefresh() throws Exception {
        zoho.simulator.faults().tokenDelay(Duration.ofMillis(300));
        ProjectSource source = zoho.connect().projectSource();

        runConcurrently(50, () -> source.project(dealId).orElseThrow());

        assertThat(zoho.simulator.counters().tokenRequests()).isEqualTo(1);
        assertThat(zoho.simulator.counters().recordReads()).isEqualTo(50);
    }

    @Test
    void instancesSharingATokenCacheRefreshOnce() throws Exception {
        zoho.simulator.faults().tokenDelay(Duration.ofMillis(300));
        ProjectSource first = zoho.connect().projectSource();
        ProjectSource second = zoho.connect().projectSource();

        runConcurrently(20, () -> first.project(dealId).orElseThrow(), () -> second.project(dealId).orElseThrow());

        assertThat(zoho.simulator.counters().tokenRequests()).isEqualTo(1);
    }

    @Test
    void aTokenIsReplacedShortlyBeforeItExpires() {
        TestClock clock = new TestClock();
        try (ZohoCrmSimulator simulator = ZohoCrmSimulator.start(clock)) {
            String deal = simulator.addDeal("Depot flat roof", "Closed Won", null, null);
            ZohoConfig config = zoho.configBuilder().baseUrlOverride(simulator.baseUrl())
                    .tokenRefreshMargin(Duration.ofMinutes(2)).build();
            try (ZohoCrm crm = ZohoCrm.connect(config, new InMemoryAccessTokenCache(clock), clock)) {
                ProjectSource source = crm.projectSource();
                source.project(deal);
                clock.advance(Duration.ofMinutes(57));
                source.project(deal);
                assertThat(simulator.counters().tokensMinted()).isEqualTo(1);

                clock.advance(Duration.ofMinutes(2)); // 59 minutes: inside the refresh margin
                source.project(deal);
                assertThat(simulator.counters().tokensMinted()).isEqualTo(2);
                assertThat(simulator.counters().unauthorized()).isZero();
            }
        }
    }

    /** Starts {@code callers} threads per task at one moment and waits for all (bounded). */
    private static void runConcurrently(int callers, Runnable... tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers * tasks.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (Runnable task : tasks) {
                for (int i = 0; i < callers; i++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        task.run();
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
