package com.roofworx.sdk.testkit;

import com.roofworx.sdk.memory.InMemoryWarmEntryStore;
import com.roofworx.sdk.spi.WarmEntryStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest {
    private final TestClock clock = new TestClock();
    private final InMemoryWarmEntryStore memory = new InMemoryWarmEntryStore();
    private final Faults<WarmEntryStore> faults = Faults.wrap(WarmEntryStore.class, memory);
    private final WarmEntryStore store = faults.proxy();

    @Test
    @DisplayName("failNext(n) fails exactly the next n calls, before they reach the adapter")
    void failNext() {
        faults.failNext(2);
        var entry = Entries.pending("anna@example.com", "1001", clock.today(), clock.now());
        assertThatThrownBy(() -> store.upsert(List.of(entry))).isInstanceOf(Faults.InjectedFault.class);
        assertThatThrownBy(() -> store.upsert(List.of(entry))).isInstanceOf(Faults.InjectedFault.class);
        assertThat(memory.all()).isEmpty();
        assertThat(store.upsert(List.of(entry)).inserted()).containsExactly(entry.id());
        assertThat(faults.calls()).isEqualTo(3);
    }

    @Test
    @DisplayName("failAlways fails until heal; onlyMethod limits the failure to one method")
    void failAlwaysAndOnlyMethod() {
        faults.failAlways().onlyMethod("coldBlockedCount");
        assertThat(store.range("anna@example.com", clock.today(), clock.today())).isEmpty();
        assertThatThrownBy(() -> store.coldBlockedCount()).isInstanceOf(Faults.InjectedFault.class)
                .hasMessageContaining("coldBlockedCount");
        faults.heal();
        assertThat(store.coldBlockedCount()).isZero();
    }

    @Test
    @DisplayName("latency delays every call by at least the given time")
    void latency() {
        faults.latency(Duration.ofMillis(50));
        long start = System.nanoTime();
        store.coldBlockedCount();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    @DisplayName("refuses to wrap a class: only interfaces can be proxied")
    void interfacesOnly() {
        assertThatThrownBy(() -> Faults.wrap(InMemoryWarmEntryStore.class, memory))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be an interface");
    }
}
