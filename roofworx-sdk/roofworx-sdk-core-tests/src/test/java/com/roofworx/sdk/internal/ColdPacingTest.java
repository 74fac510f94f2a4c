package com.roofworx.sdk.internal;

import com.roofworx.sdk.Roofworx;
import com.roofworx.sdk.RoofworxConfig;
import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.roofworx.sdk.internal.Harness.ANNA;
import static com.roofworx.sdk.internal.Harness.BEN;
import static com.roofworx.sdk.internal.Harness.MAPLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cold sink is metered per call (Zoho CRM credits): writes linger to fill batches across instances, and a
 * daily budget paces them. Submits and syncs are driven at a steady rate on the test clock, as an app's
 * after-submit drains and periodic runs would.
 */
class ColdPacingTest {
    private final Harness h = new Harness();

    private Roofworx instance(RoofworxConfig.Builder config) {
        return h.instance(config.build(), h.hot.proxy());
    }

    /**
     * {@code perSecond} submits a second for {@code seconds}, split over two instances: each submit is followed
     * by a drain of the hot queue (as after a submit), and each instance runs its periodic sync every 30 s.
     */
    private int run(Roofworx a, Roofworx b, int perSecond, int seconds) {
        int submitted = 0;
        long stepMillis = 1000L / perSecond;
        for (long t = 0; t < seconds * 1000L; t += stepMillis) {
            Roofworx sdk = submitted % 2 == 0 ? a : b;
            sdk.entries().submit(submitted % 3 == 0 ? BEN : ANNA, h.draft(MAPLE.id()));
            sdk.sync().syncUser(submitted % 3 == 0 ? BEN : ANNA);
            submitted++;
            Instant before = h.clock.now();
            h.clock.advance(Duration.ofMillis(stepMillis));
            if (before.getEpochSecond() / 30 != h.clock.now().getEpochSecond() / 30) {
                a.sync().runOnce();
                b.sync().runOnce();
            }
        }
        for (int i = 0; i < 4; i++) {
            h.clock.advance(Duration.ofSeconds(30));
            a.sync().runOnce();
            b.sync().runOnce();
        }
        return submitted;
    }

    @Test
    @DisplayName("at 5 submits/s over two instances: at most 3 cold calls per 100 entries, every entry once")
    void slowTrickle() {
        RoofworxConfig.Builder config = Harness.config().batchSize(100).coldLinger(Duration.ofSeconds(30));
        Roofworx a = instance(config);
        Roofworx b = instance(config);
        int n = run(a, b, 5, 600);
        assertThat(h.coldMemory.recordCount()).isEqualTo(n);
        assertThat(h.warmMemory.all()).hasSize(n);
        double callsPer100 = 100.0 * h.coldMemory.calls() / n;
        assertThat(callsPer100).as("cold calls per 100 entries").isLessThanOrEqualTo(3.0);
    }

    @Test
    @DisplayName("at 200 submits/s: at most 1.2 cold calls per 100 entries")
    void busy() {
        RoofworxConfig.Builder config = Harness.config().batchSize(100).coldLinger(Duration.ofSeconds(30));
        Roofworx a = instance(config);
        Roofworx b = instance(config);
        int n = run(a, b, 200, 60);
        assertThat(h.coldMemory.recordCount()).isEqualTo(n);
        assertThat(100.0 * h.coldMemory.calls() / n).as("cold calls per 100 entries").isLessThanOrEqualTo(1.2);
    }

    @Test
    @DisplayName("without a linger each hot batch is sent at once: the lowest lag, one call per batch, counted")
    void noLinger() {
        Roofworx a = instance(Harness.config().coldLinger(Duration.ZERO));
        a.entries().submit(ANNA, h.draft(MAPLE.id()));
        a.sync().syncUser(ANNA);
        assertThat(h.coldMemory.recordCount()).isEqualTo(1);
        assertThat(a.sync().stats().coldCallsToday()).as("counted even without a budget").isEqualTo(1);
    }

    @Test
    @DisplayName("a used-up daily budget pauses the cold sink until the next UTC day; nothing is lost")
    void dailyBudget() {
        Roofworx a = instance(Harness.config().batchSize(10).coldLinger(Duration.ZERO).coldDailyCallBudget(3));
        for (int i = 0; i < 50; i++) {
            a.entries().submit(ANNA, h.draft(MAPLE.id()));
        }
        a.sync().runOnce();
        assertThat(h.coldMemory.calls()).as("three calls, then the budget stops the sweep").isEqualTo(3);
        assertThat(h.coldMemory.recordCount()).isEqualTo(30);
        assertThat(h.warmMemory.all()).as("PostgreSQL keeps up regardless").hasSize(50);
        DestinationPause pause = a.sync().pauses().get(Destination.COLD);
        Instant midnight = h.clock.today().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(pause.nextProbeAt()).isEqualTo(midnight);
        assertThat(pause.lastError()).contains("budget");
        assertThat(a.sync().stats().coldPending()).isEqualTo(20);
        assertThat(a.sync().stats().coldCallsToday()).isGreaterThanOrEqualTo(3);

        h.clock.advance(Duration.ofHours(1));
        a.sync().runOnce();
        assertThat(h.coldMemory.calls()).as("nothing more the same day").isEqualTo(3);
        h.clock.set(midnight);
        a.sync().runOnce();
        assertThat(h.coldMemory.recordCount()).isEqualTo(50);
        assertThat(a.sync().blocked(10)).isEmpty();
        assertThat(a.sync().pauses()).isEmpty();
    }
}
