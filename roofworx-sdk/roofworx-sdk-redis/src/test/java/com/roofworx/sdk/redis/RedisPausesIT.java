package com.roofworx.sdk.redis;

import com.roofworx.sdk.model.Destination;
import com.roofworx.sdk.model.DestinationPause;
import com.roofworx.sdk.spi.FailureKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What the contract kit cannot see of the shared pauses: their one key, and exact times in the probe script. */
class RedisPausesIT extends HotStoreFixture {

    @Test
    @DisplayName("the probe script compares below the millisecond: due at 500 µs past, not at 499 µs")
    void subMillisecond() {
        Instant due = clock.now().plusNanos(500_000);
        store.pause(new DestinationPause(Destination.WARM, clock.now(), due, 2, "timeout", FailureKind.TRANSIENT));
        assertThat(store.tryProbe(Destination.WARM, clock.now().plusNanos(499_999), due.plusSeconds(30))).isFalse();
        assertThat(store.tryProbe(Destination.WARM, due, due.plusNanos(1_234_567))).isTrue();
        assertThat(store.pauses().get(Destination.WARM).nextProbeAt()).isEqualTo(due.plusNanos(1_234_567));
    }

    @Test
    @DisplayName("both pauses live in one hash in the {q} slot, without TTL, and odd messages survive")
    void storage() {
        DestinationPause cold = new DestinationPause(Destination.COLD, clock.now(), clock.now(), 1,
                "a|b\\c", FailureKind.PERMANENT);
        DestinationPause warm = new DestinationPause(Destination.WARM, clock.now(), clock.now(), 3, null,
                FailureKind.TRANSIENT);
        store.pause(cold);
        store.pause(warm);
        assertThat(raw.hlen(keys.pauses())).isEqualTo(2L);
        assertThat(raw.pttl(keys.pauses())).isEqualTo(-1L);
        assertThat(store.tryProbe(Destination.COLD, clock.now(), clock.now().plusSeconds(60))).isTrue();
        DestinationPause probed = store.pauses().get(Destination.COLD);
        assertThat(probed.lastError()).isEqualTo("a|b\\c");
        assertThat(probed.kind()).isEqualTo(FailureKind.PERMANENT);
        assertThat(store.pauses().get(Destination.WARM)).isEqualTo(warm);
    }
}
